// Writes a synthetic snapshot directory (same layout as `kube-evidence collect`) from the options, streaming every large list.
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { JsonObject } from '../model/facts.js';
import { diagnosticSettings, managedCluster } from './azure.js';
import { configzNodes, kubeletConfigz } from './configz.js';
import { writeList } from './list-file.js';
import { nodeFacts, nodesWithFacts } from './node-files.js';
import * as core from './objects-core.js';
import * as rbac from './objects-rbac.js';
import { controllers, pods } from './objects-workloads.js';
import { resolveOptions, type GenerateInput, type GenerateOptions } from './options.js';
import { planCluster, type ClusterPlan } from './plan.js';
import { COLLECTED_AT } from './time.js';

export interface GenerateSummary {
  options: GenerateOptions;
  /** Objects written per kind. */
  counts: Record<string, number>;
  /** Planned share of pods outside system namespaces that are privileged or mount a hostPath. */
  offendingShare: number;
  bytes: number;
  seconds: number;
}

type Source = (plan: ClusterPlan) => Iterable<JsonObject>;

/** Kind, file name (the resource's plural, as `collect` names it) and the objects; written in this order. */
const LISTS: [kind: string, plural: string, source: Source][] = [
  ['Namespace', 'namespaces', core.namespaces],
  ['Node', 'nodes', core.nodes],
  ['Pod', 'pods', pods],
  ['ServiceAccount', 'serviceaccounts', core.serviceAccounts],
  ['Secret', 'secrets', core.secrets],
  ['Service', 'services', core.services],
  ['ResourceQuota', 'resourcequotas', core.resourceQuotas],
  ['LimitRange', 'limitranges', core.limitRanges],
  ['Role', 'roles', rbac.roles],
  ['RoleBinding', 'rolebindings', rbac.roleBindings],
  ['ClusterRole', 'clusterroles', rbac.clusterRoles],
  ['ClusterRoleBinding', 'clusterrolebindings', rbac.clusterRoleBindings],
  ['NetworkPolicy', 'networkpolicies', core.networkPolicies],
  ['Deployment', 'deployments', (p) => controllers(p, 'Deployment')],
  ['StatefulSet', 'statefulsets', (p) => controllers(p, 'StatefulSet')],
  ['DaemonSet', 'daemonsets', (p) => controllers(p, 'DaemonSet')],
  ['ReplicaSet', 'replicasets', (p) => controllers(p, 'ReplicaSet')],
  ['Job', 'jobs', (p) => controllers(p, 'Job')],
  ['CronJob', 'cronjobs', (p) => controllers(p, 'CronJob')],
  [
    'ValidatingWebhookConfiguration',
    'validatingwebhookconfigurations',
    (p) => core.webhooks(p, 'ValidatingWebhookConfiguration'),
  ],
  [
    'MutatingWebhookConfiguration',
    'mutatingwebhookconfigurations',
    (p) => core.webhooks(p, 'MutatingWebhookConfiguration'),
  ],
  ['CustomResourceDefinition', 'customresourcedefinitions', core.customResourceDefinitions],
];

export interface WriteOptions {
  /** Replace `out` when it already exists. */
  force?: boolean;
  progress?: (line: string) => void;
}

/**
 * Generates into a temporary sibling of `out` and renames it at the end, so an interrupted run never
 * leaves a half-written snapshot where a cache (bench/.data) would trust it.
 */
export async function generateSnapshot(
  input: GenerateInput,
  write: WriteOptions = {},
): Promise<GenerateSummary> {
  const started = performance.now();
  const options = resolveOptions(input);
  const progress = write.progress ?? (() => undefined);
  if (!write.force && (await nonEmpty(options.out)))
    throw new Error(`${options.out} already exists and is not empty (pass --force to replace it)`);
  const temp = join(dirname(options.out), `.${options.out.split(/[\\/]/).pop()}.partial-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  try {
    const plan = planCluster(options);
    const counts = await writeAll(plan, temp, progress);
    const bytes = await sizeOf(temp);
    await rm(options.out, { recursive: true, force: true });
    await mkdir(dirname(options.out), { recursive: true });
    await rename(temp, options.out);
    return {
      options,
      counts,
      offendingShare: plan.offendingShare,
      bytes,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

async function writeAll(
  plan: ClusterPlan,
  dir: string,
  progress: (line: string) => void,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const kube = join(dir, 'kubernetes');
  await mkdir(join(kube, 'configz'), { recursive: true });
  await writeJson(join(kube, 'version.json'), versionJson());
  for (const [kind, plural, source] of LISTS) {
    counts[kind] = await writeList(join(kube, `${plural}.json`), `${kind}List`, source(plan));
    progress(`  ${plural}: ${counts[kind]}`);
  }
  const configz = configzNodes(plan);
  for (const node of configz)
    await writeJson(join(kube, 'configz', `${node.name}.json`), kubeletConfigz(plan, node));
  counts.configz = configz.length;
  progress(`  configz: ${configz.length}`);

  if (plan.options.profile === 'aks') {
    await writeJson(join(dir, 'azure', 'managed-cluster.json'), managedCluster(plan));
    await writeJson(join(dir, 'azure', 'diagnostic-settings.json'), diagnosticSettings(plan));
  }
  const withFacts = nodesWithFacts(plan);
  for (const [index, node] of withFacts.entries())
    await writeJson(join(dir, 'nodes', `${node.name}.json`), nodeFacts(node, index));
  counts.nodeFacts = withFacts.length;

  // Written last: its presence says the rest is complete.
  await writeJson(join(dir, 'snapshot.json'), {
    schema: 'kube-evidence/snapshot',
    schemaVersion: 1,
    cluster: { name: plan.options.clusterName, provider: plan.options.profile },
    collectedAt: COLLECTED_AT,
    source: 'kubernetes-api',
    tool: { name: 'kube-evidence', version: 'synthetic' },
    collectedKinds: LISTS.map(([kind]) => kind),
    gaps: [],
  });
  return counts;
}

function versionJson(): JsonObject {
  return {
    clientVersion: { major: '1', minor: '30', gitVersion: 'v1.30.5', platform: 'linux/amd64' },
    serverVersion: {
      major: '1',
      minor: '30',
      gitVersion: 'v1.30.6',
      gitCommit: '00f20d443ba0cee5b7e2a0bce8d2f4a1c4e3b6d7',
      gitTreeState: 'clean',
      buildDate: '2024-10-24T20:32:21Z',
      goVersion: 'go1.22.8',
      compiler: 'gc',
      platform: 'linux/amd64',
    },
  };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

async function nonEmpty(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => undefined);
  return entries !== undefined && entries.length > 0;
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return total;
}
