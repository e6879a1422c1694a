// Test fixtures for the comparison: sample assessments, and later scans of kubeadm-lab built in a temp dir.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Assessment } from '../../src/model/assessment.js';
import { writeAssessment } from '../../src/render/json.js';

export const CIS = 'cis-kubernetes-1.11.1';

export async function assess(snapshotDir: string, profile: string): Promise<Assessment> {
  return evaluate(await loadSnapshot(snapshotDir), await loadCatalogue(), {
    framework: CIS,
    profile,
    now: new Date('2026-11-21T00:00:00Z'),
  });
}

/** Evaluates a snapshot and writes its assessment.json under dir; returns the file. */
export async function writeAssessed(
  snapshotDir: string,
  profile: string,
  file: string,
  edit?: (a: Assessment) => void,
): Promise<string> {
  const assessment = await assess(snapshotDir, profile);
  edit?.(assessment);
  await writeAssessment(assessment, file);
  return file;
}

export interface LaterScan {
  /** ISO time of the later collection. */
  collectedAt: string;
  /** Namespaces whose workloads (pods and the templates of their controllers) stop running privileged. */
  fixNamespaces?: string[];
  /** A new privileged pod: namespace, name, container. */
  addPod?: { namespace: string; name: string; container: string };
  /** ClusterRoleBindings removed. */
  removeBindings?: string[];
}

type Json = Record<string, unknown>;

/** Copies samples/kubeadm-lab to dir and changes it the way a later scan of the same cluster would see it. */
export async function laterKubeadmScan(dir: string, change: LaterScan): Promise<string> {
  await cp('samples/kubeadm-lab', dir, { recursive: true });
  const manifestFile = join(dir, 'snapshot.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Json;
  manifest.collectedAt = change.collectedAt;
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2));

  for (const file of ['pods.json', 'daemonsets.json', 'deployments.json', 'statefulsets.json']) {
    const path = join(dir, 'kubernetes', file);
    const list = await readFile(path, 'utf8').then(
      (text) => JSON.parse(text) as { items: Json[] },
      () => undefined,
    );
    if (!list) continue;
    for (const item of list.items) {
      if (!change.fixNamespaces?.includes((item.metadata as { namespace?: string }).namespace ?? ''))
        continue;
      for (const container of containersOf(item))
        container.securityContext = { privileged: false, allowPrivilegeEscalation: false };
    }
    await writeFile(path, JSON.stringify(list, null, 2));
  }
  const podsFile = join(dir, 'kubernetes', 'pods.json');
  const pods = JSON.parse(await readFile(podsFile, 'utf8')) as { items: Json[] };
  if (change.addPod) {
    const { namespace, name, container } = change.addPod;
    pods.items.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, uid: `uid-${name}`, creationTimestamp: change.collectedAt },
      spec: {
        containers: [
          { name: container, image: 'nicolaka/netshoot:v0.13', securityContext: { privileged: true } },
        ],
      },
      status: { phase: 'Running' },
    });
  }
  await writeFile(podsFile, JSON.stringify(pods, null, 2));

  if (change.removeBindings) {
    const crbFile = join(dir, 'kubernetes', 'clusterrolebindings.json');
    const crbs = JSON.parse(await readFile(crbFile, 'utf8')) as { items: Json[] };
    crbs.items = crbs.items.filter(
      (b) => !change.removeBindings!.includes((b.metadata as { name: string }).name),
    );
    await writeFile(crbFile, JSON.stringify(crbs, null, 2));
  }
  return dir;
}

/** Containers of a pod, or of a controller's pod template. */
function containersOf(item: Json): Json[] {
  const spec = item.spec as {
    containers?: Json[];
    initContainers?: Json[];
    template?: { spec?: { containers?: Json[]; initContainers?: Json[] } };
  };
  const podSpec = spec.template?.spec ?? spec;
  return [...(podSpec.containers ?? []), ...(podSpec.initContainers ?? [])];
}

/** Renames the cluster in a copied snapshot, so it reads as another cluster. */
export async function renameCluster(dir: string, name: string): Promise<void> {
  const file = join(dir, 'snapshot.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { cluster: { name: string } };
  manifest.cluster.name = name;
  await writeFile(file, JSON.stringify(manifest, null, 2));
}

/** A copy of an assessment under another framework id, with its requirement ids prefixed. */
export function asFramework(a: Assessment, id: string, prefix: string): Assessment {
  const copy = structuredClone(a);
  copy.framework = { id, version: '1', title: { zh: `${id} 基准`, en: `${id} framework` } };
  copy.results = copy.results.map((r) => ({ ...r, id: `${prefix}${r.id}` }));
  return copy;
}
