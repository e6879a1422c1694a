// collect against a local HTTPS Kubernetes API: pagination, a 403 kind, a slow answer, a 429, configz, and loadSnapshot.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCluster } from '../../src/collect/collect-cluster.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { startFakeKubeServer, type FakeKubeServer } from '../helpers/fake-kube-server.js';
import {
  KUBELET_CONFIG,
  clusterRoleBinding,
  deployment,
  namespace,
  node,
  pod,
  secret,
} from './kube-fixtures.js';

const FAST_RETRY = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };
const pods = Array.from({ length: 7 }, (_, i) =>
  pod(i < 2 ? 'kube-system' : 'payments', `pod-${i}`, { privileged: i === 3, env: i === 4 }),
);

describe('collect from the Kubernetes API', () => {
  let server: FakeKubeServer;
  let work: string;
  let out: string;
  let summary: Awaited<ReturnType<typeof collectCluster>>;
  const progress: string[] = [];

  beforeAll(async () => {
    server = await startFakeKubeServer({
      objects: {
        namespaces: [namespace('kube-system'), namespace('payments', 'restricted')],
        nodes: [node('node-a'), node('node-b'), node('node-c')],
        pods,
        secrets: [secret('payments', 'db')],
        clusterrolebindings: [clusterRoleBinding('admins', 'cluster-admin', 'alice@example.com')],
        deployments: [deployment('payments', 'api')],
      },
      forbidden: ['roles'],
      // Far beyond the client's timeout, so a busy test machine cannot blur the two.
      slowOnce: { plural: 'services', delayMs: 6000 },
      failOnce: { plural: 'deployments', status: 429 },
      configz: { 'node-a': KUBELET_CONFIG, 'node-b': KUBELET_CONFIG },
    });
    work = await mkdtemp(join(tmpdir(), 'ke-collect-'));
    out = join(work, 'snap');
    const kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
    summary = await collectCluster({
      outDir: out,
      onAzureFailure: 'fail',
      kubernetes: { kubeconfig, pageSize: 2, timeoutMs: 1500, retry: FAST_RETRY },
      progress: (line) => progress.push(line),
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  it('pages through lists with limit and continue, and stores every object served', async () => {
    const podRequests = server.requests.filter((r) => r.path === '/api/v1/pods');
    // 7 pods, 2 per page: four distinct pages (a retried page would repeat its continue token).
    expect(new Set(podRequests.map((r) => r.query.get('continue') ?? '')).size).toBe(4);
    expect(podRequests.every((r) => r.query.get('limit') === '2')).toBe(true);
    expect(podRequests[0]!.query.get('continue')).toBeNull();
    const stored = JSON.parse(await readFile(join(out, 'kubernetes', 'pods.json'), 'utf8')) as {
      kind: string;
      items: { kind: string; apiVersion: string; metadata: { name: string } }[];
    };
    expect(stored.kind).toBe('PodList');
    expect(stored.items.map((p) => p.metadata.name)).toEqual(
      pods.map((p) => (p.metadata as { name: string }).name),
    );
    expect(stored.items.every((p) => p.kind === 'Pod' && p.apiVersion === 'v1')).toBe(true);
    expect(summary.counts.Pod).toBe(7);
  });

  it('records a 403 kind as a gap and goes on with the others', async () => {
    const manifest = JSON.parse(await readFile(join(out, 'snapshot.json'), 'utf8')) as {
      collectedKinds: string[];
      gaps: { part: string; code?: number; reason: string }[];
      source: string;
    };
    expect(manifest.source).toBe('kubernetes-api');
    expect(manifest.collectedKinds).not.toContain('Role');
    expect(manifest.collectedKinds).toEqual(
      expect.arrayContaining([
        'Pod',
        'Namespace',
        'Secret',
        'ClusterRoleBinding',
        'RoleBinding',
        'CustomResourceDefinition',
      ]),
    );
    const gap = manifest.gaps.find((g) => g.part === 'kubernetes:Role');
    expect(gap).toMatchObject({ code: 403 });
    expect(gap?.reason).toContain('roles is forbidden');
    expect(await readdir(join(out, 'kubernetes'))).not.toContain('roles.json');
  });

  it('retries a timed-out request and a 429, then stores the answer', () => {
    // The first services request was the slow one; at least one more followed it.
    expect(server.requests.filter((r) => r.path === '/api/v1/services').length).toBeGreaterThanOrEqual(2);
    expect(server.requests.filter((r) => r.path === '/apis/apps/v1/deployments')).toHaveLength(2);
    expect(summary.counts.Service).toBe(0);
    expect(summary.counts.Deployment).toBe(1);
    expect(progress.some((line) => line.includes('retrying GET /api/v1/services'))).toBe(true);
  });

  it('asks for Secrets as metadata only', () => {
    const secretRequests = server.requests.filter((r) => r.path === '/api/v1/secrets');
    expect(secretRequests.length).toBeGreaterThan(0);
    expect(
      secretRequests.every(
        (r) => r.accept === 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io',
      ),
    ).toBe(true);
  });

  it('reads configz per node and records the node that did not answer', async () => {
    expect((await readdir(join(out, 'kubernetes', 'configz'))).sort()).toEqual([
      'node-a.json',
      'node-b.json',
    ]);
    expect(summary.gaps).toContainEqual(
      expect.objectContaining({ part: 'kubernetes:configz:node-c', code: 503 }),
    );
  });

  it('writes a snapshot that loadSnapshot reads back as what was served', async () => {
    const facts = await loadSnapshot(out);
    expect(facts.cluster.name).toBe('fake-cluster');
    expect(facts.kubernetes.version?.gitVersion).toBe('v1.30.6');
    expect(facts.kubernetes.objects.get('Pod')).toHaveLength(7);
    expect(
      facts.kubernetes.objects.get('Namespace')?.find((n) => n.metadata.name === 'payments')?.metadata.labels,
    ).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    expect(facts.kubernetes.objects.get('Secret')?.map((s) => s.metadata.name)).toEqual(['db']);
    expect(facts.kubernetes.collectedKinds.has('NetworkPolicy')).toBe(true); // collected, and none exist
    expect(facts.kubernetes.collectedKinds.has('Role')).toBe(false);
    expect(facts.kubernetes.configz.get('node-a')).toMatchObject({ readOnlyPort: 0 });
    const collectionGaps = ['kubernetes:Role', 'kubernetes:configz:node-c'];
    expect(facts.gaps.map((g) => g.part)).toEqual(expect.arrayContaining(collectionGaps));
    // The fake server serves none of the built-ins a real API server has, so the ledger calls those lists partial;
    // and with no provider every node's own facts are expected, which `collect` does not gather.
    const ledgerGaps = facts.gaps.filter((g) => !collectionGaps.includes(g.part));
    expect(
      ledgerGaps.filter(
        (g) =>
          !g.reason.includes('which every real API server has') && !g.reason.includes('has no node facts'),
      ),
    ).toEqual([]);
    expect(facts.origins.get('kubernetes:Pod')).toMatchObject({
      source: 'kubernetes-api',
      file: join('kubernetes', 'pods.json'),
    });
  });

  it('leaves no temporary files behind', async () => {
    const names = await readdir(join(out, 'kubernetes'));
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('collect with large lists', () => {
  it('streams 1,203 pods over three pages of 500 into one valid List', async () => {
    const many = Array.from({ length: 1203 }, (_, i) => pod('bulk', `pod-${String(i).padStart(4, '0')}`));
    const server = await startFakeKubeServer({ objects: { pods: many } });
    const work = await mkdtemp(join(tmpdir(), 'ke-collect-'));
    try {
      const kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
      const result = await collectCluster({
        outDir: join(work, 'snap'),
        onAzureFailure: 'fail',
        kubernetes: { kubeconfig, nodes: 'none', retry: FAST_RETRY },
      });
      expect(result.counts.Pod).toBe(1203);
      expect(
        server.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query.get('limit')),
      ).toEqual(['500', '500', '500']);
      const facts = await loadSnapshot(join(work, 'snap'));
      expect(new Set(facts.kubernetes.objects.get('Pod')?.map((p) => p.metadata.name)).size).toBe(1203);
    } finally {
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});
