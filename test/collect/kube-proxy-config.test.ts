// kube-proxy's configuration: the one kube-system/kube-proxy ConfigMap is fetched, only config.conf is kept.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KUBE_PROXY_CONFIGMAP_PATH } from '../../src/collect/kube-proxy-config.js';
import { collectKubernetes } from '../../src/collect/kubernetes-api.js';
import { startFakeKubeServer, type FakeKubeOptions } from '../helpers/fake-kube-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function collectWith(options: Partial<FakeKubeOptions>) {
  const work = await mkdtemp(join(tmpdir(), 'ke-kproxy-'));
  const server = await startFakeKubeServer({ objects: {}, ...options });
  cleanups.push(
    () => server.close(),
    () => rm(work, { recursive: true, force: true }),
  );
  const result = await collectKubernetes({
    kubeconfig: await server.writeKubeconfig(join(work, 'kubeconfig')),
    snapshotDir: work,
    nodes: 'none',
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  });
  return { result, dir: join(work, 'kubernetes'), server };
}

describe('collecting the kube-proxy ConfigMap', () => {
  it('keeps config.conf and nothing else of the ConfigMap', async () => {
    const { result, dir, server } = await collectWith({
      single: {
        [KUBE_PROXY_CONFIGMAP_PATH]: {
          kind: 'ConfigMap',
          metadata: { name: 'kube-proxy', namespace: 'kube-system', annotations: { note: 'x' } },
          data: { 'config.conf': 'metricsBindAddress: 0.0.0.0:10249\n', 'kubeconfig.conf': 'users: []\n' },
        },
      },
    });
    const written = JSON.parse(await readFile(join(dir, 'kube-system-kube-proxy.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(written).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: 'kube-system' },
      data: { 'config.conf': 'metricsBindAddress: 0.0.0.0:10249\n' },
    });
    expect(result.gaps).toEqual([]);
    // Only that object: no ConfigMap list is ever requested.
    expect(server.requests.some((r) => r.path.endsWith('/configmaps'))).toBe(false);
  });

  it('writes nothing and records no gap when the cluster has no such ConfigMap (404)', async () => {
    const { result, dir } = await collectWith({});
    expect(await readdir(dir)).not.toContain('kube-system-kube-proxy.json');
    expect(result.gaps.filter((g) => g.part.startsWith('kubernetes:ConfigMap'))).toEqual([]);
  });

  it('records a gap when reading it is forbidden (403), and goes on', async () => {
    const { result } = await collectWith({ forbidden: ['configmaps'] });
    expect(result.gaps).toEqual([
      expect.objectContaining({ part: 'kubernetes:ConfigMap:kube-system/kube-proxy', code: 403 }),
    ]);
  });
});
