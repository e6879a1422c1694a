// One ARM-only snapshot per discovered cluster: <out>/<dir>/azure/managed-cluster.json and snapshot.json, plus clusters.json listing them.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { SNAPSHOT_SCHEMA, type SnapshotManifest } from '../facts/snapshot-manifest.js';
import { InputError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { TOOL } from '../version.js';
import type { GraphCluster } from './resource-graph.js';

export const DISCOVERY_FILE = 'clusters.json';
export const DISCOVERY_SCHEMA = 'kube-evidence/fleet-discovery';

/** AKS cluster names: 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit. */
const AKS_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;

export interface DiscoveredEntry {
  /** Folder of the snapshot inside the discovery directory (the name, or name-<hash> when names repeat). */
  dir: string;
  name: string;
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  kubernetesVersion?: string;
}

export interface Discovery {
  schema: typeof DISCOVERY_SCHEMA;
  discoveredAt: string;
  clusters: DiscoveredEntry[];
  /** Rows whose name would not be a safe folder name: listed, never written. */
  rejected: { id: string; name: string; reason: string }[];
}

/** Why the ARM-only snapshot has no Kubernetes facts: checks that need them give `error`, never `pass`. */
const KUBERNETES_GAP =
  'ARM-only snapshot from Azure Resource Graph: the Kubernetes API was not read (scan the cluster for these facts)';
const DIAGNOSTICS_GAP =
  'not in Azure Resource Graph: diagnostic settings need a scan of the cluster resource';

/**
 * Writes into a fresh temporary sibling and swaps it in at the end, so an earlier discovery in `out` is
 * replaced whole or not at all. Any other non-empty directory is refused.
 */
export async function writeSkeletons(
  clusters: AsyncIterable<GraphCluster>,
  out: string,
  now = new Date(),
): Promise<Discovery> {
  await checkDestination(out);
  const staging = await mkdtemp(join(dirname(resolve(out)), `.${basename(out)}-`));
  try {
    const discovery = await writeAll(clusters, staging, now);
    await swapIn(staging, out);
    return discovery;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function writeAll(clusters: AsyncIterable<GraphCluster>, root: string, now: Date): Promise<Discovery> {
  const seen = new Map<string, GraphCluster[]>();
  const rejected: Discovery['rejected'] = [];
  for await (const cluster of clusters) {
    if (!AKS_NAME.test(cluster.name)) {
      rejected.push({
        id: cluster.id,
        name: cluster.name,
        reason: 'not an AKS cluster name (1-63 letters, digits, _ and -)',
      });
      continue;
    }
    const key = cluster.name.toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), cluster]);
  }
  const entries: DiscoveredEntry[] = [];
  for (const group of seen.values()) {
    for (const cluster of group) {
      // The same name in two resource groups or subscriptions: the id's hash tells the folders apart.
      const dir =
        group.length === 1
          ? cluster.name
          : `${cluster.name}-${createHash('sha256').update(cluster.id.toLowerCase()).digest('hex').slice(0, 8)}`;
      const target = inside(root, dir);
      await writeJson(join(target, 'azure', 'managed-cluster.json'), cluster.body);
      const manifest: SnapshotManifest = {
        schema: SNAPSHOT_SCHEMA,
        schemaVersion: 1,
        cluster: { name: cluster.name, provider: 'aks' },
        collectedAt: now.toISOString(),
        source: 'azure-arm',
        tool: TOOL,
        collectedKinds: [],
        gaps: [
          { part: 'kubernetes', reason: KUBERNETES_GAP },
          { part: 'azure:diagnosticSettings', reason: DIAGNOSTICS_GAP },
        ],
      };
      await writeJson(join(target, 'snapshot.json'), manifest);
      const properties = (cluster.body.properties ?? {}) as Record<string, unknown>;
      entries.push({
        dir,
        name: cluster.name,
        id: cluster.id,
        subscriptionId: cluster.subscriptionId,
        resourceGroup: cluster.resourceGroup,
        location: cluster.location,
        kubernetesVersion:
          String(properties.currentKubernetesVersion ?? properties.kubernetesVersion ?? '') || undefined,
      });
    }
  }
  entries.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  const discovery: Discovery = {
    schema: DISCOVERY_SCHEMA,
    discoveredAt: now.toISOString(),
    clusters: entries,
    rejected,
  };
  await writeJson(join(root, DISCOVERY_FILE), discovery);
  return discovery;
}

/** join() that refuses to leave the root, whatever the name holds (it is checked already; this is the second lock). */
export function inside(root: string, name: string): string {
  const base = resolve(root);
  const target = resolve(base, name);
  if (!target.startsWith(base + sep) || target === base)
    throw new InputError(`refusing folder name "${name}": it resolves outside ${root}`);
  return target;
}

async function checkDestination(out: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw InputError.at(out, '--out', 'exists and is not a directory');
  const entries = await readdir(out);
  if (entries.length > 0 && !entries.includes(DISCOVERY_FILE))
    throw InputError.at(
      out,
      '--out',
      `is not empty and holds no earlier discovery (${DISCOVERY_FILE}); choose a new or empty directory`,
    );
}

async function swapIn(staging: string, out: string): Promise<void> {
  const previous = await stat(out).catch(() => undefined);
  if (!previous) return rename(staging, out);
  const old = `${staging}.old`;
  await rename(out, old);
  await rename(staging, out);
  await rm(old, { recursive: true, force: true });
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
