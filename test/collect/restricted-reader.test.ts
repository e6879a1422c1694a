// A reader refused the cluster-wide pod list: collect lists kube-system instead, flags are decided, workload checks are not.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { collectCluster } from '../../src/collect/collect-cluster.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { gapAffects } from '../../src/evaluate/run-checks.js';
import type { Assessment } from '../../src/model/assessment.js';
import { startFakeKubeServer, type FakeKubeServer } from '../helpers/fake-kube-server.js';
import { KUBELET_CONFIG, namespace, node, pod } from './kube-fixtures.js';

/** kubeadm's API server static pod: labelled component=kube-apiserver, flags in its command. */
function apiServerPod(): Record<string, unknown> {
  const base = pod('kube-system', 'kube-apiserver-node-a') as {
    metadata: { labels: Record<string, string> };
    spec: { containers: Record<string, unknown>[] };
  };
  base.metadata.labels = { component: 'kube-apiserver', tier: 'control-plane' };
  base.spec.containers[0]!.command = ['kube-apiserver', '--anonymous-auth=false', '--profiling=true'];
  return base;
}

let server: FakeKubeServer;
let work: string;
let snapshot: string;
let assessment: Assessment;
const byId = (id: string) => assessment.results.find((r) => r.id === id)!;

beforeAll(async () => {
  server = await startFakeKubeServer({
    objects: {
      namespaces: [namespace('kube-system'), namespace('payments')],
      nodes: [node('node-a')],
      pods: [apiServerPod(), pod('payments', 'api', { privileged: true })],
    },
    forbiddenClusterWide: ['pods'],
    configz: { 'node-a': KUBELET_CONFIG },
  });
  work = await mkdtemp(join(tmpdir(), 'ke-restricted-'));
  snapshot = join(work, 'snap');
  await collectCluster({
    outDir: snapshot,
    onAzureFailure: 'fail',
    kubernetes: { kubeconfig: await server.writeKubeconfig(join(work, 'kubeconfig')) },
    progress: () => undefined,
  });
  const catalogue = await loadCatalogue();
  assessment = evaluate(await loadSnapshot(snapshot), catalogue, {
    framework: 'cis-kubernetes-1.11.1',
    profile: 'kubeadm',
  });
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('collect with the cluster-wide pod list refused', () => {
  it('lists kube-system instead and keeps the refusal as a gap naming it', async () => {
    const paths = server.requests.map((r) => r.path);
    expect(paths).toContain('/api/v1/pods');
    expect(paths).toContain('/api/v1/namespaces/kube-system/pods');
    const manifest = JSON.parse(await readFile(join(snapshot, 'snapshot.json'), 'utf8')) as {
      gaps: { part: string; reason: string; code?: number; namespaces?: string[] }[];
    };
    const gap = manifest.gaps.find((g) => g.part === 'kubernetes:Pod');
    expect(gap).toMatchObject({ code: 403, namespaces: ['kube-system'] });
    expect(gap!.reason).toContain('listed only in namespace kube-system (1 objects)');
    const pods = JSON.parse(await readFile(join(snapshot, 'kubernetes', 'pods.json'), 'utf8')) as {
      items: { metadata: { namespace: string; name: string } }[];
    };
    expect(pods.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'kube-system/kube-apiserver-node-a',
    ]);
  });

  it('decides API server flags from the kube-system static pod', () => {
    expect(byId('1.2.1')).toMatchObject({ status: 'pass' });
    expect(byId('1.2.1').evidence[0]).toMatchObject({
      path: expect.stringContaining('pod kube-system/kube-apiserver-node-a'),
    });
    expect(byId('1.2.15').status).toBe('fail'); // --profiling=true
  });

  it('never passes a workload check on the pods it could not see', () => {
    const privileged = byId('5.2.2');
    expect(privileged.status).toBe('error');
    expect(privileged.reason.en).toContain('kubernetes:Pod could not be collected');
  });
});

describe('gapAffects', () => {
  const refused = { part: 'kubernetes:Pod', reason: 'forbidden', code: 403 };
  it('a namespace need is met only when the gap says that namespace was listed', () => {
    expect(gapAffects(refused, 'kubernetes:Pod/kube-system')).toBe(true);
    expect(gapAffects({ ...refused, namespaces: ['kube-system'] }, 'kubernetes:Pod/kube-system')).toBe(false);
    expect(gapAffects({ ...refused, namespaces: ['kube-system'] }, 'kubernetes:Pod/payments')).toBe(true);
    expect(gapAffects({ ...refused, namespaces: ['kube-system'] }, 'kubernetes:Pod')).toBe(true);
    expect(gapAffects(refused, 'kubernetes:Secret')).toBe(false);
  });
});
