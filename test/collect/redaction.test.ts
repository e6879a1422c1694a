// No Secret value, env var value or last-applied annotation served by the API ever reaches the written snapshot.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCluster } from '../../src/collect/collect-cluster.js';
import { startFakeKubeServer } from '../helpers/fake-kube-server.js';
import { ENV_VALUE, LAST_APPLIED_MARKER, SECRET_VALUE, deployment, pod, secret } from './kube-fixtures.js';

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? allFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]),
    ),
  );
  return nested.flat();
}

describe('redaction of collected objects', () => {
  it('writes no Secret data, env value or last-applied annotation anywhere in the snapshot', async () => {
    // The fake server sends full Secrets (with data) to any client that does not ask for metadata only.
    const server = await startFakeKubeServer({
      objects: {
        secrets: [secret('payments', 'db'), secret('kube-system', 'bootstrap')],
        pods: [pod('payments', 'api', { env: true })],
        deployments: [deployment('payments', 'api')],
      },
    });
    const work = await mkdtemp(join(tmpdir(), 'ke-redact-'));
    try {
      const kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
      await collectCluster({
        outDir: join(work, 'snap'),
        onAzureFailure: 'fail',
        kubernetes: { kubeconfig, nodes: 'none' },
      });
      const files = await allFiles(join(work, 'snap'));
      expect(files.map((f) => f.slice(work.length))).toEqual(
        expect.arrayContaining([
          join('/snap', 'kubernetes', 'secrets.json'),
          join('/snap', 'kubernetes', 'pods.json'),
        ]),
      );
      for (const file of files) {
        const text = await readFile(file, 'utf8');
        expect(text, file).not.toContain(SECRET_VALUE);
        expect(text, file).not.toContain(ENV_VALUE);
        expect(text, file).not.toContain(LAST_APPLIED_MARKER);
        expect(text, file).not.toContain('last-applied-configuration');
      }
      // The names stay, so checks can still say which Secret or variable is involved.
      const secrets = await readFile(join(work, 'snap', 'kubernetes', 'secrets.json'), 'utf8');
      expect(secrets).toContain('"name":"db"');
      const pods = await readFile(join(work, 'snap', 'kubernetes', 'pods.json'), 'utf8');
      expect(pods).toContain('"name":"DATABASE_URL"');
    } finally {
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});
