// `scan` packs verify: the manifest lists every file, the collected snapshot included; a refused --out asks nothing of the cluster.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pack/hash.js';
import type { Manifest } from '../../src/pack/manifest.js';
import { runCli } from '../helpers/cli.js';
import { startFakeKubeServer, type FakeKubeServer } from '../helpers/fake-kube-server.js';
import { KUBELET_CONFIG, namespace, node, pod } from '../collect/kube-fixtures.js';
import { tempDir } from '../render/sample.js';

let server: FakeKubeServer;
let work: string;
let kubeconfig: string;

beforeAll(async () => {
  server = await startFakeKubeServer({
    objects: {
      namespaces: [namespace('default')],
      nodes: [node('node-a')],
      pods: [pod('default', 'web', { privileged: true })],
    },
    configz: { 'node-a': KUBELET_CONFIG },
  });
  work = await tempDir('scan-pack');
  kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

const scan = (out: string, ...extra: string[]) =>
  runCli([
    'scan',
    '--kubeconfig',
    kubeconfig,
    '--profile',
    'kubeadm',
    '--format',
    'json,xlsx',
    '--no-fail',
    '--out',
    out,
    ...extra,
  ]);

describe('scan packs', () => {
  it('a fresh scan pack verifies, and its manifest lists the snapshot too', async () => {
    const out = join(work, 'pack');
    expect((await scan(out)).code).toBe(0);
    const verified = await runCli(['verify', out]);
    expect(verified.code, verified.stdout).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const listed = manifest.files.map((f) => f.path).sort();
    const present = (await listFiles(out)).filter((p) => p !== 'manifest.json');
    expect(listed).toEqual(present);
    expect(listed).toEqual(
      expect.arrayContaining(['assessment.json', 'report.xlsx', 'snapshot/snapshot.json']),
    );
    expect(listed.filter((p) => p.startsWith('snapshot/kubernetes/')).length).toBeGreaterThan(3);
    // A second scan replaces the pack whole and leaves nothing beside it.
    expect((await scan(out)).code).toBe(0);
    expect((await runCli(['verify', out])).code).toBe(0);
    expect((await readdir(work)).filter((n) => n.includes('kube-evidence'))).toEqual([]);
  });

  it('refuses an --out that is not a pack before asking the cluster anything', async () => {
    const out = join(work, 'foreign');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    const before = server.requests.length;
    const result = await scan(out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--force/);
    expect(server.requests.length).toBe(before);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
