// Scans many clusters (kubeconfig contexts, optionally with their AKS coordinates) with bounded concurrency; one failure never stops the others.
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import type { Catalogue } from '../catalogue/load.js';
import type { AzureTarget } from '../collect/azure-arm.js';
import { collectCluster } from '../collect/collect-cluster.js';
import type { NodeSelection } from '../collect/kube-configz.js';
import { mapPool } from '../collect/pool.js';
import { loadSnapshot } from '../collect/snapshot.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Lang } from '../model/text.js';
import { writePack, type PackFormat } from '../pack/write-pack.js';
import { errorMessage } from '../util/errors.js';
import { isClusterId, packStamp } from './pack-path.js';
import { inside } from './skeletons.js';
import { uploadPack } from './upload.js';

export interface FleetTarget {
  /** Folder name of the cluster in the fleet layout (the context or AKS name). */
  id: string;
  context: string;
  azure?: AzureTarget;
}

export interface FleetScanOptions {
  targets: FleetTarget[];
  kubeconfig?: string;
  catalogue: Catalogue;
  profile: string;
  frameworks: string[];
  formats: PackFormat[];
  lang: Lang;
  /** Packs go to OUT/<id>/<timestamp>/, the same layout as the Blob store. */
  outDir: string;
  concurrency: number;
  nodes: NodeSelection;
  pageSize: number;
  timeoutMs: number;
  upload?: ContainerClient;
  log: (line: string) => void;
  onStart?: (id: string) => void;
  onEnd?: (id: string) => void;
}

export interface ClusterOutcome {
  id: string;
  context: string;
  ok: boolean;
  /** Why the cluster has no pack (or why its upload failed). */
  reason?: string;
  pack?: string;
  uploaded?: string;
  frameworks: { id: string; score: number | null; fail: number; automatedFail: number }[];
  gaps: number;
  durationMs: number;
}

export async function fleetScan(options: FleetScanOptions): Promise<ClusterOutcome[]> {
  return mapPool(options.targets, options.concurrency, async (target) => {
    options.onStart?.(target.id);
    const started = Date.now();
    const outcome: ClusterOutcome = {
      id: target.id,
      context: target.context,
      ok: false,
      frameworks: [],
      gaps: 0,
      durationMs: 0,
    };
    try {
      await scanOne(target, options, outcome);
      outcome.ok = true;
    } catch (error) {
      // Every reason is one line; tokens never appear in collect's or the SDKs' messages.
      outcome.reason = errorMessage(error).split('\n')[0];
      options.log(`[${target.id}] failed: ${outcome.reason}`);
    } finally {
      outcome.durationMs = Date.now() - started;
      options.onEnd?.(target.id);
    }
    return outcome;
  });
}

async function scanOne(
  target: FleetTarget,
  options: FleetScanOptions,
  outcome: ClusterOutcome,
): Promise<void> {
  if (!isClusterId(target.id))
    throw new Error(`"${target.id}" cannot be a folder name (letters, digits, '.', '_', '-')`);
  const clusterDir = inside(options.outDir, target.id);
  await mkdir(clusterDir, { recursive: true });
  // Written beside its final place and renamed when complete: a reader of OUT never sees half a pack.
  const staging = await mkdtemp(join(clusterDir, '.partial-'));
  try {
    const snapshotDir = join(staging, '.snapshot');
    const collection = await collectCluster({
      outDir: snapshotDir,
      onAzureFailure: 'gap',
      provider: options.profile,
      clusterName: target.id,
      progress: (line) => options.log(`[${target.id}] ${line}`),
      kubernetes: {
        kubeconfig: options.kubeconfig,
        context: target.context,
        nodes: options.nodes,
        pageSize: options.pageSize,
        timeoutMs: options.timeoutMs,
      },
      azure: target.azure,
    });
    outcome.gaps = collection.gaps.length;
    const facts = await loadSnapshot(snapshotDir);
    const assessments = options.frameworks.map((framework) =>
      evaluate(facts, options.catalogue, { framework, profile: options.profile }),
    );
    const packDir = join(staging, 'pack');
    const manifest = await writePack(assessments, {
      outDir: packDir,
      formats: options.formats,
      lang: options.lang,
      snapshotDir,
    });
    const finalDir = join(clusterDir, packStamp(manifest.createdAt));
    await rename(packDir, finalDir);
    outcome.pack = finalDir;
    outcome.frameworks = assessments.map((a) => ({
      id: a.framework.id,
      score: a.summary.score,
      fail: a.summary.counts.fail,
      automatedFail: a.results.filter((r) => r.status === 'fail' && r.assessment === 'automated').length,
    }));
    if (options.upload) {
      const result = await uploadPack(finalDir, options.upload, { clusterId: target.id });
      outcome.uploaded = result.prefix;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
