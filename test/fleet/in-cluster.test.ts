// scan --in-cluster: the pod's service account token and CA (in a fake pod root) against the local HTTPS API server.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_ACCOUNT_DIR } from '../../src/fleet/in-cluster.js';
import { startFakeKubeServer, type FakeKubeServer } from '../helpers/fake-kube-server.js';
import { fakeInCluster } from '../helpers/fake-in-cluster.js';
import { selfSignedCertificate } from '../helpers/tls.js';
import { runCli } from '../helpers/cli.js';
import { namespace, node, pod, withBuiltIns } from '../collect/kube-fixtures.js';

let server: FakeKubeServer;
let work: string;
let leave: (() => void) | undefined;

beforeAll(async () => {
  server = await startFakeKubeServer({
    objects: withBuiltIns({
      namespaces: [namespace('default')],
      nodes: [node('node-a')],
      pods: [pod('default', 'web', { privileged: true })],
    }),
    token: 'pod-sa-token',
  });
  work = await mkdtemp(join(tmpdir(), 'ke-in-cluster-'));
});
afterEach(() => {
  leave?.();
  leave = undefined;
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

const scanArgs = (out: string, ...extra: string[]) => [
  'scan',
  '--in-cluster',
  '--profile',
  'kubeadm',
  '--format',
  'json',
  '--nodes',
  'none',
  '--quiet',
  '--no-fail',
  ...extra,
  '--out',
  out,
];

describe('scan --in-cluster', { timeout: 180_000 }, () => {
  it("reads the cluster with the pod's token, trusting only the mounted CA", async () => {
    const pod = await fakeInCluster(join(work, 'pod-1'), server, 'pod-sa-token');
    leave = pod.enter();
    const out = join(work, 'pack-1');
    const result = await runCli(scanArgs(out, '--cluster-name', 'payments-prod'));
    expect(result.stderr).not.toContain('pod-sa-token');
    expect(result.code).toBe(0);
    const assessment = JSON.parse(await readFile(join(out, 'assessment.json'), 'utf8')) as {
      cluster: { name: string };
      results: { id: string; status: string }[];
    };
    expect(assessment.cluster.name).toBe('payments-prod');
    expect(assessment.results.find((r) => r.id === '5.2.2')?.status).toBe('fail');
    // Every request came from the service account (the server answers 401 to anything else).
    expect(server.requests.some((r) => r.path === '/api/v1/pods')).toBe(true);
  });

  it('refuses a server whose certificate the mounted CA did not sign', async () => {
    const pod = await fakeInCluster(join(work, 'pod-2'), server, 'pod-sa-token');
    await writeFile(join(pod.root, SERVICE_ACCOUNT_DIR, 'ca.crt'), selfSignedCertificate('other CA').cert);
    leave = pod.enter();
    const result = await runCli(scanArgs(join(work, 'pack-2'), '--cluster-name', 'c2'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot reach https:\/\/127\.0\.0\.1:\d+/);
  });

  it('a wrong token is refused by the server and stops the scan', async () => {
    const pod = await fakeInCluster(join(work, 'pod-3'), server, 'stale-token');
    leave = pod.enter();
    const result = await runCli(scanArgs(join(work, 'pack-3'), '--cluster-name', 'c3'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('401');
    expect(result.stderr).not.toContain('stale-token');
  });

  it.each([
    [[] as string[], 'pod-4', '--cluster-name: expected a name for this cluster with --in-cluster'],
    [['--cluster-name', 'a/b'], 'pod-5', '--cluster-name: "a/b" is not a cluster name'],
    [['--cluster-name', 'c', '--kubeconfig', 'k'], 'pod-6', '--in-cluster: cannot be combined'],
  ])('rejects bad options with exit 2 before reading anything: %j', async (extra, name, message) => {
    const pod = await fakeInCluster(join(work, name), server);
    leave = pod.enter();
    const before = server.requests.length;
    const out = join(work, `pack-${name}`);
    const result = await runCli(scanArgs(out, ...extra));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(server.requests.length).toBe(before);
    expect(existsSync(out)).toBe(false);
  });

  it('outside a pod it says so in one line', async () => {
    const pod = await fakeInCluster(join(work, 'pod-7'), server);
    leave = pod.enter();
    delete process.env.KUBERNETES_SERVICE_HOST;
    const result = await runCli(scanArgs(join(work, 'pack-7'), '--cluster-name', 'c7'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT');
  });

  it('a pod without a mounted token is named with the path it looked at', async () => {
    const pod = await fakeInCluster(join(work, 'pod-8'), server);
    await rm(join(pod.root, SERVICE_ACCOUNT_DIR, 'token'));
    leave = pod.enter();
    const result = await runCli(scanArgs(join(work, 'pack-8'), '--cluster-name', 'c8'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(pod.root, SERVICE_ACCOUNT_DIR, 'token')}: --in-cluster: not found`,
    );
  });
});

describe('deploy/cronjob.yaml arguments', () => {
  it('run as written (ARM coordinates left out, placeholders filled) and upload the pack to Azurite', async () => {
    const { parse } = await import('yaml');
    const { startAzurite } = await import('../helpers/azurite.js');
    const { ContainerSASPermissions } = await import('@azure/storage-blob');
    const cronJob = parse(
      await readFile(join(import.meta.dirname, '..', '..', 'deploy', 'cronjob.yaml'), 'utf8'),
    ) as { spec: { jobTemplate: { spec: { template: { spec: { containers: { args: string[] }[] } } } } } };
    const args = [...cronJob.spec.jobTemplate.spec.template.spec.containers[0]!.args];
    const azurite = await startAzurite();
    try {
      const { client } = await azurite.container('evidence');
      const sas = await client.generateSasUrl({
        permissions: ContainerSASPermissions.parse('racwl'),
        expiresOn: new Date(Date.now() + 3.6e6),
      });
      // No Azure here: the ARM trio would reach for a real credential, so it is dropped; one framework keeps it quick.
      for (const option of ['--subscription', '--resource-group', '--cluster'])
        args.splice(args.indexOf(option), 2);
      const filled = args.map((arg, i) =>
        arg === 'CLUSTER_NAME'
          ? 'payments-prod'
          : args[i - 1] === '--out'
            ? join(work, 'cron-pack')
            : args[i - 1] === '--upload'
              ? sas
              : arg === 'aks'
                ? 'kubeadm'
                : arg === 'all'
                  ? 'cis-kubernetes-1.11.1'
                  : arg,
      );
      const pod = await fakeInCluster(join(work, 'pod-cron'), server, 'pod-sa-token');
      leave = pod.enter();
      const result = await runCli([...filled, '--nodes', 'none']);
      expect(result.code, result.stderr).toBe(0);
      const names: string[] = [];
      for await (const blob of client.listBlobsFlat()) names.push(blob.name);
      expect(names.filter((n) => n.endsWith('/manifest.json'))).toEqual([
        expect.stringMatching(/^payments-prod\/\d{8}T\d{6}Z\/manifest\.json$/),
      ]);
      expect(names.some((n) => /^payments-prod\/\d{8}T\d{6}Z\/report\.xlsx$/.test(n))).toBe(true);
    } finally {
      await azurite.stop();
    }
  }, 300_000);
});
