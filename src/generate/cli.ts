#!/usr/bin/env node
// `npm run gen -- --nodes N --pods P --namespaces S [--rbac R] [--seed X] [--profile aks|kubeadm] --out DIR`.
import { parseArgs } from 'node:util';
import { generateSnapshot } from './generate.js';
import type { GenerateProfile } from './options.js';

const USAGE =
  'usage: npm run gen -- --nodes N --pods P [--namespaces S] [--rbac R] [--seed X] [--profile aks|kubeadm] [--configz N] [--force] --out DIR';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string' },
      pods: { type: 'string' },
      namespaces: { type: 'string' },
      rbac: { type: 'string' },
      seed: { type: 'string' },
      profile: { type: 'string' },
      configz: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.nodes || !values.pods || !values.out) throw new Error(USAGE);
  const profile = values.profile ?? 'aks';
  if (profile !== 'aks' && profile !== 'kubeadm')
    throw new Error(`--profile must be aks or kubeadm (got ${profile})`);
  const num = (text: string | undefined) =>
    text === undefined ? undefined : Number(text.replace(/[_,]/g, ''));
  const summary = await generateSnapshot(
    {
      nodes: num(values.nodes)!,
      pods: num(values.pods)!,
      namespaces: num(values.namespaces),
      rbac: num(values.rbac),
      configz: num(values.configz),
      seed: values.seed,
      profile: profile as GenerateProfile,
      clusterName: values.name,
      out: values.out,
    },
    { force: values.force, progress: values.quiet ? undefined : (line) => console.error(line) },
  );
  const mb = (summary.bytes / 1048576).toFixed(1);
  console.log(
    `wrote ${summary.options.out}: ${summary.counts.Pod} pods, ${summary.counts.Node} nodes, ${summary.counts.Namespace} namespaces, ${mb} MiB in ${summary.seconds.toFixed(1)} s`,
  );
  console.log(JSON.stringify(summary.counts));
}

main().catch((error: unknown) => {
  console.error(`gen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
