// Planted secrets in every sample and in a hostile API server's answers: none may reach any output file, log or message.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { runCli } from '../helpers/cli.js';
import { startFakeKubeServer } from '../helpers/fake-kube-server.js';
import { KUBELET_CONFIG, namespace, node, pod, secret } from '../collect/kube-fixtures.js';
import { leakyPod, PLANTED, PLANTED_NUMBER, plantedSample } from '../helpers/planted-sample.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-planted-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Every file under `dir` as text (a workbook unzipped), for grepping. */
async function allText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    parts.push(
      path.endsWith('.xlsx')
        ? execFileSync('unzip', ['-p', path], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8')
        : await readFile(path, 'utf8'),
    );
  }
  return parts.join('\n');
}

function expectNoPlanted(text: string, where: string): void {
  for (const value of PLANTED) expect(text.includes(value), `${value} in ${where}`).toBe(false);
  expect(text.includes(String(PLANTED_NUMBER)), `the planted number in ${where}`).toBe(false);
}

describe.each([
  ['aks-prod', 'aks'],
  ['kubeadm-lab', 'kubeadm'],
])('planted secrets in %s', (sample, profile) => {
  it('reach no output file or log line; the pack lists what it left out and re-evaluates to the same results', async () => {
    const snapshot = await plantedSample(sample, work);
    const out = join(work, `${sample}-pack`);
    const run = await runCli([
      'report',
      '--snapshot',
      snapshot,
      '--profile',
      profile,
      '--format',
      'json,xlsx',
      '--no-fail',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectNoPlanted(await allText(out), `${sample} pack`);
    expectNoPlanted(run.stdout + run.stderr, `${sample} logs`);

    const leftOut = JSON.parse(await readFile(join(out, 'snapshot', 'left-out.json'), 'utf8')) as {
      files: { path: string }[];
    };
    expect(leftOut.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'kubernetes/linked-secrets.json',
        'kubernetes/secrets.json.bak',
        'kubernetes/secrets.json~',
        'kubernetes/secrets.txt',
        'notes.md',
      ]),
    );

    // The pack's own snapshot gives exactly the results the input gave.
    const catalogue = await loadCatalogue();
    const now = new Date('2026-12-01T00:00:00Z');
    const options = { framework: 'cis-kubernetes-1.11.1', profile, now };
    const input = evaluate(await loadSnapshot(snapshot), catalogue, options);
    const copy = evaluate(await loadSnapshot(join(out, 'snapshot')), catalogue, options);
    expect(copy.summary.score).toBe(input.summary.score);
    expect(copy.results.map((r) => `${r.id}:${r.status}`)).toEqual(
      input.results.map((r) => `${r.id}:${r.status}`),
    );
  }, 120_000);
});

describe('planted secrets from a hostile API server', () => {
  it('reach neither the collected snapshot, the pack nor any log line', async () => {
    const server = await startFakeKubeServer({
      token: PLANTED[21],
      objects: {
        namespaces: [namespace('default'), namespace('kube-system')],
        nodes: [node('node-a')],
        pods: [pod('kube-system', 'etcd'), leakyPod('default')],
        secrets: [{ ...secret('default', 'db'), data: { p: PLANTED[9] } }],
      },
      configz: {
        'node-a': { ...KUBELET_CONFIG, staticPodURLHeader: { Authorization: [`Bearer ${PLANTED[15]}`] } },
      },
      kubeconfigServer: (url) => url.replace('https://', `https://admin:${PLANTED[17]}@`),
      hostile: { echoToken: ['roles'], secretDataDespiteAccept: true },
    });
    try {
      const kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
      const snap = join(work, 'collected');
      const collect = await runCli(['collect', '--kubeconfig', kubeconfig, '--out', snap]);
      expect(collect.code, collect.stderr).toBe(0);
      expect(collect.stderr).toContain('<redacted>');
      const pack = join(work, 'collected-pack');
      const report = await runCli([
        'report',
        '--snapshot',
        snap,
        '--profile',
        'kubeadm',
        '--format',
        'json,xlsx',
        '--no-fail',
        '--out',
        pack,
      ]);
      expect(report.code, report.stderr).toBe(0);
      const logs = collect.stdout + collect.stderr + report.stdout + report.stderr;
      expectNoPlanted(logs, 'collect and report logs');
      expectNoPlanted(await allText(snap), 'the collected snapshot');
      expectNoPlanted(await allText(pack), 'the pack');
    } finally {
      await server.close();
    }
  }, 120_000);
});
