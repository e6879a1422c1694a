// `kube-evidence collect-node`: run on a kubeadm or self-managed node; writes nodes/NODE.json (file modes, owners, command lines).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { getProfile, loadCatalogue } from '../../catalogue/load.js';
import { collectNodeFacts } from '../../collect/node/collect-node.js';
import { parsePathOverrides } from '../../collect/node/node-paths.js';
import { writeFileAtomic } from '../../util/fs.js';
import { log, setQuiet } from '../log.js';

interface CollectNodeCliOptions {
  out: string;
  root: string;
  proc: string;
  node?: string;
  profile?: string;
  path: string[];
  quiet?: boolean;
}

export function registerCollectNode(program: Command): void {
  program
    .command('collect-node')
    .description(
      "record this node's facts (modes and owners of Kubernetes files, component command lines) as nodes/NODE.json",
    )
    .requiredOption('--out <file>', 'file to write, a directory (NODE.json goes inside), or - for stdout')
    .option('--root <dir>', "the node's root file system (e.g. a read-only hostPath mount)", '/')
    .option('--proc <dir>', "the node's /proc (use hostPID in a pod)", '/proc')
    .option('--node <name>', 'node name (default: NODE_NAME, then the hostname)')
    .option(
      '--profile <profile>',
      "take file paths from this profile's parameters.paths (default: every profile's)",
    )
    .option(
      '--path <key=path>',
      'override one path, e.g. kubeletConfig=/etc/kubelet/config.yaml (repeatable)',
      collect,
      [],
    )
    .option('--quiet', 'no progress lines on stderr')
    .action(async (opts: CollectNodeCliOptions) => {
      setQuiet(Boolean(opts.quiet));
      const overrides = parsePathOverrides(opts.path);
      const catalogue = await loadCatalogue();
      const profiles = opts.profile
        ? [getProfile(catalogue, opts.profile)]
        : [...catalogue.profiles.values()];
      const facts = await collectNodeFacts({
        root: opts.root,
        proc: opts.proc,
        node: opts.node,
        profiles,
        overrides,
      });
      const text = `${JSON.stringify(facts, null, 2)}\n`;
      const found = Object.values(facts.files).filter((f) => f.exists).length;
      const summary = `node ${facts.node}: ${found} of ${Object.keys(facts.files).length} files found, processes: ${Object.keys(facts.processes).join(', ') || 'none'}`;
      if (opts.out === '-') {
        process.stdout.write(text);
        log(summary);
        return;
      }
      const isDir =
        opts.out.endsWith('/') ||
        (await stat(opts.out).then(
          (s) => s.isDirectory(),
          () => false,
        ));
      const file = isDir ? join(opts.out, `${facts.node}.json`) : opts.out;
      await writeFileAtomic(file, text);
      log(`${summary}; wrote ${file}`);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
