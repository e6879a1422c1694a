// Planted secrets in every sample and in a hostile API server's answers: none may reach any output file, log or message.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { runCli } from '../helpers/cli.js';
import { startFakeKubeServer } from '../helpers/fake-kube-server.js';
import { KUBELET_CONFIG, namespace, node, pod, secret } from '../collect/kube-fixtures.js';

/** Every planted value; each must be absent from every byte written and every line printed. */
const PLANTED = Array.from({ length: 22 }, (_, i) => `PLANTED${i}x${(i * 7919).toString(36)}q`);
const PLANTED_NUMBER = 918273645;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-planted-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A pod carrying a credential in every place one can hide. */
function leakyPod(ns: string): Record<string, unknown> {
  return {
    metadata: {
      name: 'leaky',
      namespace: ns,
      uid: 'uid-leaky',
      annotations: {
        'example.com/api-token': PLANTED[0],
        'example.com/database': `postgres://app:${PLANTED[1]}@db:5432/x`,
        'kubectl.kubernetes.io/last-applied-configuration': `{"x":"${PLANTED[2]}"}`,
      },
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'registry.example/app:1.0',
          args: [
            `--token=${PLANTED[3]}`,
            '--password',
            PLANTED[4],
            `--client-secret=${PLANTED[5]}`,
            '--verbose',
          ],
          command: ['/app', '--api-key', PLANTED[6]],
          env: [
            { name: 'PIN', value: PLANTED_NUMBER },
            { name: 'KEY', value: PLANTED[7] },
          ],
          livenessProbe: {
            httpGet: {
              path: '/healthz',
              port: 8080,
              httpHeaders: [{ name: 'Authorization', value: PLANTED[8] }],
            },
          },
        },
      ],
    },
  };
}

/** Plants secrets in a copy of a sample: unknown files, a nested SecretList, a leaky pod, configz headers, ARM fields, gaps. */
async function plantedSample(sample: string): Promise<string> {
  const dir = join(work, sample);
  await cp(join('samples', sample), dir, { recursive: true });
  const kube = join(dir, 'kubernetes');
  await writeFile(join(kube, 'secrets.json.bak'), JSON.stringify({ data: { p: PLANTED[9] } }));
  await writeFile(join(kube, 'secrets.json~'), JSON.stringify({ data: { p: PLANTED[10] } }));
  await writeFile(join(kube, 'secrets.txt'), PLANTED[11]);
  await writeFile(join(dir, 'notes.md'), PLANTED[12]);
  await mkdir(join(work, 'elsewhere'), { recursive: true });
  await writeFile(join(work, 'elsewhere', `${sample}.json`), JSON.stringify({ data: { p: PLANTED[13] } }));
  await symlink(join(work, 'elsewhere', `${sample}.json`), join(kube, 'linked-secrets.json'));
  await writeFile(
    join(kube, 'nested.json'),
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          kind: 'SecretList',
          metadata: { name: 'nested' },
          items: [{ metadata: { name: 's', namespace: 'default' }, data: { p: PLANTED[14] } }],
        },
      ],
    }),
  );
  await writeFile(
    join(kube, 'extra-pods.json'),
    JSON.stringify({ kind: 'PodList', items: [leakyPod('default')] }),
  );
  const configzDir = join(kube, 'configz');
  const configz = (await readdir(configzDir))[0]!;
  const body = JSON.parse(await readFile(join(configzDir, configz), 'utf8')) as {
    kubeletconfig: Record<string, unknown>;
  };
  body.kubeletconfig.staticPodURLHeader = { Authorization: [`Bearer ${PLANTED[15]}`] };
  await writeFile(join(configzDir, configz), JSON.stringify(body));
  const manifest = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8')) as { gaps: unknown[] };
  manifest.gaps.push({
    part: 'kubernetes:ConfigMap',
    reason: `403 Forbidden: token "Bearer ${PLANTED[16]}" from https://admin:${PLANTED[17]}@api.example`,
  });
  await writeFile(join(dir, 'snapshot.json'), JSON.stringify(manifest));
  if (sample === 'aks-prod') {
    const file = join(dir, 'azure', 'managed-cluster.json');
    const cluster = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    cluster.servicePrincipalProfile = { clientId: 'msi', secret: PLANTED[18] };
    cluster.windowsProfile = { adminUsername: 'azureuser', adminPassword: PLANTED[19] };
    await writeFile(file, JSON.stringify(cluster));
  } else {
    const file = join(dir, 'nodes', 'lab-worker-1.json');
    const facts = JSON.parse(await readFile(file, 'utf8')) as {
      processes: Record<string, { argv: string[] }>;
    };
    const kubelet = Object.values(facts.processes)[0]!;
    kubelet.argv.push('--bootstrap-token', PLANTED[20]);
    await writeFile(file, JSON.stringify(facts));
  }
  return dir;
}

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
    const snapshot = await plantedSample(sample);
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
