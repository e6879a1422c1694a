// Kubeconfig discovery: no silent localhost fallback, unknown contexts and unusable credentials fail with one clear line.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectCluster } from '../../src/collect/collect-cluster.js';
import { loadKubeConfig } from '../../src/collect/kube-config.js';
import { InputError } from '../../src/util/errors.js';
import { startFakeKubeServer } from '../helpers/fake-kube-server.js';

describe('loadKubeConfig', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'ke-kubeconfig-'));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(work, { recursive: true, force: true });
  });

  it('refuses the localhost:8080 fallback when no kubeconfig exists', () => {
    vi.stubEnv('KUBECONFIG', '');
    vi.stubEnv('HOME', work); // no ~/.kube/config here
    expect(() => loadKubeConfig({})).toThrow(InputError);
    expect(() => loadKubeConfig({})).toThrow(/no kubeconfig found/);
  });

  it('names a missing kubeconfig file', () => {
    expect(() => loadKubeConfig({ kubeconfig: join(work, 'nope') })).toThrow(
      /nope: kubeconfig file not found/,
    );
  });

  it('takes KUBECONFIG and honours --context, naming the known contexts when one is unknown', async () => {
    const file = join(work, 'config');
    await writeFile(
      file,
      JSON.stringify({
        clusters: [
          { name: 'a', cluster: { server: 'https://a.example:6443' } },
          { name: 'b', cluster: { server: 'https://b.example:6443' } },
        ],
        users: [{ name: 'u', user: { token: 'x' } }],
        contexts: [
          { name: 'ctx-a', context: { cluster: 'a', user: 'u' } },
          { name: 'ctx-b', context: { cluster: 'b', user: 'u' } },
        ],
        'current-context': 'ctx-a',
      }),
    );
    vi.stubEnv('KUBECONFIG', file);
    expect(loadKubeConfig({}).cluster.server).toBe('https://a.example:6443');
    expect(loadKubeConfig({ context: 'ctx-b' }).cluster.server).toBe('https://b.example:6443');
    expect(() => loadKubeConfig({ context: 'ctx-c' })).toThrow(
      /no context "ctx-c"; expected one of ctx-a, ctx-b/,
    );
  });

  it('fails clearly, before writing anything, when the API server rejects the credentials', async () => {
    const server = await startFakeKubeServer({ objects: {} });
    try {
      const kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'), 'wrong-token');
      const run = collectCluster({
        outDir: join(work, 'snap'),
        onAzureFailure: 'fail',
        kubernetes: { kubeconfig, retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } },
      });
      await expect(run).rejects.toThrow(InputError);
      await expect(run).rejects.toThrow(
        /cannot use the Kubernetes API at https:\/\/127\.0\.0\.1:\d+ \(context fake\): 401 Unauthorized/,
      );
      expect(server.requests.map((r) => r.path)).toEqual(['/version']);
    } finally {
      await server.close();
    }
  });
});
