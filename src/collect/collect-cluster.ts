// One collection run: Azure ARM (when a cluster is named), then the Kubernetes API, then snapshot.json.
import { join } from 'node:path';
import type { FactGap } from '../model/facts.js';
import { SNAPSHOT_SCHEMA, type SnapshotManifest } from '../facts/snapshot-manifest.js';
import { InputError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { TOOL } from '../version.js';
import { collectAzure, type AzureCollectOptions } from './azure-arm.js';
import { loadKubeConfig } from './kube-config.js';
import { collectKubernetes, type KubernetesCollectOptions } from './kubernetes-api.js';
import {
  checkSnapshotDestination,
  commitSnapshotDir,
  createStagingDir,
  discardStagingDir,
} from './snapshot-dir.js';

export interface CollectOptions {
  /** Snapshot directory to write (docs/snapshot-format.md). */
  outDir: string;
  kubernetes: Omit<KubernetesCollectOptions, 'snapshotDir' | 'progress'>;
  azure?: Omit<AzureCollectOptions, 'snapshotDir' | 'progress'>;
  /**
   * `fail`: an unreadable managed cluster stops the run before anything else (collect);
   * `gap`: it is recorded and the Kubernetes part goes on (scan), so ARM-based checks give `error`.
   */
  onAzureFailure: 'fail' | 'gap';
  /** Provider written to snapshot.json; `aks` when an Azure cluster is named. */
  provider?: string;
  progress?: (line: string) => void;
  now?: () => Date;
}

export interface CollectResult {
  manifest: SnapshotManifest;
  /** Objects per kind, plus configz, managedCluster, agentPools, diagnosticSettings. */
  counts: Record<string, number>;
  gaps: FactGap[];
  durationMs: number;
}

/**
 * Collects into a new directory beside `outDir` and swaps it in only when the run succeeded: an expired token
 * or an unreadable cluster leaves an earlier snapshot exactly as it was.
 */
export async function collectCluster(options: CollectOptions): Promise<CollectResult> {
  // Bad kubeconfig or context: fail before anything is written.
  loadKubeConfig(options.kubernetes);
  await checkSnapshotDestination(options.outDir);
  const staging = await createStagingDir(options.outDir);
  try {
    const result = await collectInto(staging, options);
    await commitSnapshotDir(staging, options.outDir);
    return result;
  } catch (error) {
    await discardStagingDir(staging);
    throw error;
  }
}

async function collectInto(outDir: string, options: CollectOptions): Promise<CollectResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const progress = options.progress ?? (() => undefined);
  const gaps: FactGap[] = [];
  const counts: Record<string, number> = {};
  if (options.azure) {
    const azure = await collectAzure({ ...options.azure, snapshotDir: outDir, progress });
    const clusterGap = azure.gaps.find((gap) => gap.part === 'azure:managedCluster');
    if (clusterGap && options.onAzureFailure === 'fail') throw new InputError(`Azure: ${clusterGap.reason}`);
    gaps.push(...azure.gaps);
    Object.assign(counts, azure.counts);
  }

  const kube = await collectKubernetes({ ...options.kubernetes, snapshotDir: outDir, progress });
  gaps.push(...kube.gaps);
  Object.assign(counts, kube.counts);

  const manifest: SnapshotManifest = {
    schema: SNAPSHOT_SCHEMA,
    schemaVersion: 1,
    cluster: {
      name: options.azure?.clusterName ?? kube.clusterName,
      provider: options.provider ?? (options.azure ? 'aks' : undefined),
    },
    collectedAt: started.toISOString(),
    source: 'kubernetes-api',
    tool: TOOL,
    collectedKinds: kube.collectedKinds,
    gaps,
  };
  await writeFileAtomic(join(outDir, 'snapshot.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, counts, gaps, durationMs: now().getTime() - started.getTime() };
}

/** "Pod 120, Namespace 5, configz 3; 1.2 s; not collected: kubernetes:Secret (403 Forbidden …)". */
export function summaryLine(result: CollectResult): string {
  const counts = Object.entries(result.counts)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const missing = result.gaps.map((gap) => `${gap.part} (${gap.reason})`).join('; ');
  return `collected ${counts || 'nothing'} in ${(result.durationMs / 1000).toFixed(1)} s${missing ? `; not collected: ${missing}` : ''}`;
}
