// fleet scan: three local API servers and one that is down, scanned two at a time; the failure is listed and does not stop the others.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { fleetScan } from '../../src/fleet/fleet-scan.js';
import { verifyPack } from '../../src/pack/verify.js';
import { startFakeKubeServer, type FakeKubeServer } from '../helpers/fake-kube-server.js';
import { runCli } from '../helpers/cli.js';
import { namespace, node, pod, withBuiltIns } from '../collect/kube-fixtures.js';

let work: string;
let kubeconfig: string;
const servers: FakeKubeServer[] = [];

/** One kubeconfig naming every server as a context, plus `down` pointing at a port nothing listens on. */
async function writeFleetKubeconfig(file: string, named: Record<string, FakeKubeServer>): Promise<string> {
  const entries = [
    ...Object.entries(named).map(([name, s]) => [name, s.url]),
    ['down', 'https://127.0.0.1:9'],
  ];
  await writeFile(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: entries.map(([name, url]) => ({
        name,
        cluster: { server: url, 'insecure-skip-tls-verify': true },
      })),
      users: [{ name: 'tester', user: { token: 'test-token' } }],
      contexts: entries.map(([name]) => ({ name, context: { cluster: name, user: 'tester' } })),
      'current-context': 'prod-east',
    }),
  );
  return file;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-fleet-scan-'));
  for (const privileged of [true, false, true])
    servers.push(
      await startFakeKubeServer({
        // With the built-ins every real API server has: without kube-system's pods, the pod list reads as a
        // partial export and its checks give error.
        objects: withBuiltIns({
          namespaces: [namespace('default', privileged ? undefined : 'restricted')],
          nodes: [node('node-a')],
          pods: [pod('default', 'web', { privileged })],
        }),
      }),
    );
  kubeconfig = await writeFleetKubeconfig(join(work, 'kubeconfig'), {
    'prod-east': servers[0]!,
    'prod-west': servers[1]!,
    'lab-1': servers[2]!,
  });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(work, { recursive: true, force: true });
});

describe('fleetScan', { timeout: 300_000 }, () => {
  it('scans at most N at once, lists every outcome, and each pack verifies', async () => {
    let running = 0;
    let most = 0;
    const out = join(work, 'packs');
    const outcomes = await fleetScan({
      targets: ['prod-east', 'down', 'prod-west', 'lab-1'].map((c) => ({ id: c, context: c })),
      kubeconfig,
      catalogue: await loadCatalogue(),
      profile: 'kubeadm',
      frameworks: ['cis-kubernetes-1.11.1'],
      formats: ['json'],
      lang: 'en',
      outDir: out,
      concurrency: 2,
      nodes: 'none',
      pageSize: 500,
      timeoutMs: 5000,
      log: () => undefined,
      onStart: () => {
        running += 1;
        most = Math.max(most, running);
      },
      onEnd: () => (running -= 1),
    });
    expect(most).toBe(2);
    expect(outcomes.map((o) => [o.id, o.ok])).toEqual([
      ['prod-east', true],
      ['down', false],
      ['prod-west', true],
      ['lab-1', true],
    ]);
    expect(outcomes[1]!.reason).toMatch(/cannot reach https:\/\/127\.0\.0\.1:9/);
    expect((await readdir(out)).sort()).toEqual(['down', 'lab-1', 'prod-east', 'prod-west']);
    expect(await readdir(join(out, 'down'))).toEqual([]);
    for (const o of outcomes.filter((x) => x.ok)) {
      expect(o.pack).toMatch(new RegExp(`${o.id}/\\d{8}T\\d{6}Z$`));
      const report = await verifyPack(o.pack!);
      expect(report.ok, o.id).toBe(true);
      expect(report.manifest.files.some((f) => f.path === 'snapshot/snapshot.json')).toBe(true);
      expect(report.manifest.cluster.name).toBe(o.id);
    }
    const status = async (id: string) => {
      const dir = join(out, id);
      const [stamp] = await readdir(dir);
      const a = JSON.parse(await readFile(join(dir, stamp!, 'assessment.json'), 'utf8')) as {
        results: { id: string; status: string }[];
      };
      return a.results.find((r) => r.id === '5.2.2')?.status;
    };
    expect([await status('prod-east'), await status('prod-west'), await status('lab-1')]).toEqual([
      'fail',
      'pass',
      'fail',
    ]);
  });
});

describe('kube-evidence fleet scan', { timeout: 300_000 }, () => {
  it('--all-contexts: the outcome table at the end and exit 2 because one cluster failed', async () => {
    const out = join(work, 'cli-packs');
    const result = await runCli([
      'fleet',
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--all-contexts',
      '--profile',
      'kubeadm',
      '--format',
      'json',
      '--nodes',
      'none',
      '--timeout',
      '5',
      '--quiet',
      '--out',
      out,
    ]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe('3 of 4 clusters scanned, 1 failed');
    expect(lines.find((l) => l.startsWith('down '))).toMatch(
      /FAILED\s+cannot use the Kubernetes API at https:\/\/127\.0\.0\.1:9 .*ECONNREFUSED/,
    );
    expect(lines.find((l) => l.startsWith('prod-west '))).toMatch(
      /scanned\s+cis-kubernetes-1\.11\.1 [\d.]+% \(\d+ failed\)/,
    );
  });

  it('--contexts without failures exits 1 when an automated requirement failed, 0 with --no-fail', async () => {
    const args = [
      'fleet',
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--contexts',
      'prod-east,lab-1',
      '--profile',
      'kubeadm',
      '--format',
      'json',
      '--nodes',
      'none',
      '--quiet',
    ];
    expect((await runCli([...args, '--out', join(work, 'gate-1')])).code).toBe(1);
    expect((await runCli([...args, '--no-fail', '--out', join(work, 'gate-2')])).code).toBe(0);
  });

  it.each([
    [['--contexts', 'nope'], 'no context "nope"; expected some of prod-east, prod-west, lab-1, down'],
    [
      ['--contexts', 'a', '--all-contexts'],
      'expected exactly one of --contexts LIST, --all-contexts or --discovered DIR',
    ],
    [['--all-contexts', '--concurrency', '0'], '--concurrency: "0" is not a positive whole number'],
    [['--discovered', '/nonexistent'], 'clusters.json: not found'],
  ])('rejects %j with exit 2', async (args, message) => {
    const result = await runCli([
      'fleet',
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--profile',
      'kubeadm',
      ...args,
      '--out',
      join(work, 'bad'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
