// The snapshot copy written while loading is byte for byte copySnapshot's (samples, a generated cluster, hostile inputs) and changes no fact.
import { cp, mkdir, open, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { generateSnapshot } from '../../src/generate/generate.js';
import { copySnapshot, type LeftOut } from '../../src/pack/copy-snapshot.js';
import { CopyWhileLoading } from '../../src/pack/copy-while-loading.js';
import { hashFiles, listFiles } from '../../src/pack/hash.js';
import { runCli } from '../helpers/cli.js';
import { leakyPod, PLANTED, plantedSample } from '../helpers/planted-sample.js';
import { tempDir } from '../render/sample.js';

const STREAMED_FROM = 16 * 1024 * 1024;

let work: string;
beforeAll(async () => {
  work = await tempDir('copyload');
});
afterAll(() => rm(work, { recursive: true, force: true }));

/**
 * Copies `from` both ways (copySnapshot after a plain load, as before; the copy sink during a load) and proves
 * the outputs equal byte for byte, the hashes taken while writing equal the files' own, the left-out lists
 * equal, and the facts loaded with the sink equal those loaded without it.
 */
async function expectSameCopy(from: string, name: string): Promise<string[]> {
  const oldTo = join(work, `${name}-old`, 'snapshot');
  const newTo = join(work, `${name}-new`, 'snapshot');
  const oldLeft: LeftOut[] = [];
  const newLeft: LeftOut[] = [];
  const without = await loadSnapshot(from);
  const copied = await copySnapshot(from, oldTo, (entry) => oldLeft.push(entry));
  const copy = new CopyWhileLoading(from, newTo, (entry) => newLeft.push(entry));
  const withCopy = await loadSnapshot(from, { copy });

  const files = await listFiles(oldTo);
  expect(files.length).toBeGreaterThan(0);
  expect(await listFiles(newTo)).toEqual(files);
  for (const path of files) {
    const [before, after] = await Promise.all([readFile(join(oldTo, path)), readFile(join(newTo, path))]);
    expect(after.equals(before), `${name}: snapshot/${path} differs`).toBe(true);
  }
  // Same order as copySnapshot's list (the renderers list these files in it), sizes and hashes from the write.
  expect(copy.files()).toEqual(await hashFiles(oldTo, copied));
  expect(newLeft).toEqual(oldLeft);
  expect(withCopy).toStrictEqual(without);
  return files;
}

describe('the copy written while loading equals copySnapshot', () => {
  it.each(['aks-prod', 'kubeadm-lab'])('on samples/%s', async (sample) => {
    const files = await expectSameCopy(join('samples', sample), sample);
    expect(files).toEqual(expect.arrayContaining(['snapshot.json', 'kubernetes/pods.json']));
  });

  it('on a generated AKS cluster whose lists are streamed (configz, ARM documents, version)', async () => {
    const dir = join(work, 'generated-aks');
    await generateSnapshot({ nodes: 12, pods: 5000, namespaces: 20, rbac: 200, seed: 'copy', out: dir });
    expect((await stat(join(dir, 'kubernetes', 'pods.json'))).size).toBeGreaterThan(STREAMED_FROM);
    const files = await expectSameCopy(dir, 'generated-aks');
    expect(files).toEqual(
      expect.arrayContaining([
        'azure/managed-cluster.json',
        'azure/diagnostic-settings.json',
        'kubernetes/version.json',
        'kubernetes/pods.json',
      ]),
    );
    expect(files.some((f) => f.startsWith('kubernetes/configz/'))).toBe(true);
  }, 120_000);

  it('on a generated kubeadm cluster (node facts)', async () => {
    const dir = join(work, 'generated-kubeadm');
    await generateSnapshot({
      nodes: 6,
      pods: 200,
      namespaces: 8,
      rbac: 50,
      seed: 'copy',
      profile: 'kubeadm',
      out: dir,
    });
    const files = await expectSameCopy(dir, 'generated-kubeadm');
    expect(files.some((f) => f.startsWith('nodes/'))).toBe(true);
  }, 60_000);

  it.each(['aks-prod', 'kubeadm-lab'])(
    'on samples/%s with planted secrets (unread files, a symlink, nested lists, gaps)',
    async (sample) => {
      const dir = await plantedSample(sample, join(work, 'planted'));
      const files = await expectSameCopy(dir, `planted-${sample}`);
      expect(files).toContain('left-out.json');
      for (const path of files) {
        const text = await readFile(join(work, `planted-${sample}-new`, 'snapshot', path), 'utf8');
        for (const value of PLANTED) expect(text.includes(value), `${value} in ${path}`).toBe(false);
      }
    },
  );

  it('on kind-less list items, multi-document YAML and a last-applied annotation', async () => {
    const from = join(work, 'yaml-and-kindless');
    await mkdir(join(from, 'kubernetes', 'more'), { recursive: true });
    await writeFile(
      join(from, 'kubernetes', 'secrets.json'),
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [{ metadata: { name: 's', namespace: 'n' }, data: { password: 'c2VjcmV0' } }],
      }),
    );
    await writeFile(
      join(from, 'kubernetes', 'more', 'pods.yaml'),
      [
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: "{\\"token\\":\\"leak\\"}"\nspec:\n  containers:\n  - name: c\n    env:\n    - name: TOKEN\n      value: hunter2\n',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s2\nstringData:\n  key: topsecret\n',
      ].join('---\n'),
    );
    await writeFile(join(from, 'notes.txt'), 'not read');
    expect(await expectSameCopy(from, 'yaml')).toEqual([
      'kubernetes/more/pods.yaml',
      'kubernetes/secrets.json',
      'left-out.json',
    ]);
  });

  it('on symbolic links the loader follows (fixed names, a whole folder)', async () => {
    const real = join(work, 'linked-real');
    await cp('samples/aks-prod', real, { recursive: true });
    const from = join(work, 'linked');
    await mkdir(join(from, 'azure'), { recursive: true });
    await symlink(join(real, 'snapshot.json'), join(from, 'snapshot.json'));
    await symlink(join(real, 'azure', 'managed-cluster.json'), join(from, 'azure', 'managed-cluster.json'));
    await symlink(join(real, 'kubernetes'), join(from, 'kubernetes'));
    const files = await expectSameCopy(from, 'linked');
    expect(files).toEqual(expect.arrayContaining(['snapshot.json', 'kubernetes/pods.json']));
  });

  it('on a streamed list of hostile items: kind-less, nested lists, Secrets, credentials everywhere', async () => {
    const from = join(work, 'hostile-large');
    await mkdir(join(from, 'kubernetes'), { recursive: true });
    // Not named after a kind: kind-less items take the list's kind in the loader, and are redacted on a copy.
    await writeLargeList(join(from, 'kubernetes', 'workloads.json'), 'PodList', (i) => {
      const pod = leakyPod(`ns-${i % 7}`) as { metadata: Record<string, unknown> };
      pod.metadata = { ...pod.metadata, name: `leaky-${i}` };
      if (i % 5 === 0) return pod;
      if (i % 5 === 1) return { kind: 'Pod', ...pod };
      if (i % 5 === 2)
        return {
          kind: 'Secret',
          metadata: { name: `s-${i}` },
          data: { p: PLANTED[9] },
          stringData: { q: 'x' },
        };
      if (i % 5 === 3)
        return {
          kind: 'SecretList',
          metadata: { name: `nested-${i}` },
          items: [{ metadata: { name: 's', namespace: 'default' }, data: { p: PLANTED[14] } }],
        };
      return { kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { k: 'v' } };
    });
    // Named after a kind: kind-less items take it from the file name.
    await writeLargeList(join(from, 'kubernetes', 'secrets.json'), 'List', (i) => ({
      metadata: { name: `secret-${i}`, namespace: 'n' },
      data: { password: PLANTED[10] },
    }));
    const files = await expectSameCopy(from, 'hostile-large');
    expect(files).toEqual(['kubernetes/secrets.json', 'kubernetes/workloads.json']);
    const copied = await readFile(
      join(work, 'hostile-large-new', 'snapshot', 'kubernetes', 'workloads.json'),
      'utf8',
    );
    for (const value of [...PLANTED, 'last-applied'])
      expect(copied.includes(value), `${value} in the copy`).toBe(false);
  }, 120_000);

  it('refuses what copySnapshot refused, with its message, and leaves no temporary file', async () => {
    const from = join(work, 'refused-large');
    await mkdir(join(from, 'kubernetes'), { recursive: true });
    // The loader accepts an object whose `items` is not a list; copySnapshot refused it (kube-objects.ts).
    await writeLargeList(join(from, 'kubernetes', 'pods.json'), 'PodList', (i) =>
      i === 4000
        ? { kind: 'Pod', metadata: { name: 'odd' }, items: 'not a list' }
        : { kind: 'Pod', metadata: { name: `p-${i}` }, spec: { containers: [{ name: 'c', image: 'i' }] } },
    );
    await loadSnapshot(from);
    const oldError = await copySnapshot(from, join(work, 'refused-old')).catch((e: Error) => e);
    const to = join(work, 'refused-new');
    const newError = await loadSnapshot(from, { copy: new CopyWhileLoading(from, to) }).catch(
      (e: Error) => e,
    );
    expect(oldError).toBeInstanceOf(Error);
    expect((newError as Error).message).toBe((oldError as Error).message);
    expect(await listFiles(to).catch(() => [])).toEqual([]);
  }, 60_000);
});

describe('a report whose load fails after the copy began', () => {
  it('keeps the previous pack whole and leaves nothing behind', async () => {
    const snapshot = join(work, 'fails-late');
    await cp('samples/kubeadm-lab', snapshot, { recursive: true });
    const out = join(work, 'fails-late-parent', 'pack');
    const args = [
      'report',
      '--snapshot',
      snapshot,
      '--profile',
      'kubeadm',
      '--format',
      'json',
      '--no-fail',
      '--out',
      out,
    ];
    expect((await runCli(args)).code).toBe(0);
    const before = await contents(out);
    // Sorted after pods.json: the copy of the sample's other lists is already being written when this one fails.
    await writeLargeList(join(snapshot, 'kubernetes', 'zz-pods.json'), 'PodList', (i) => ({
      kind: 'Pod',
      metadata: { name: `p-${i}` },
    }));
    const file = await open(join(snapshot, 'kubernetes', 'zz-pods.json'), 'a');
    await file.write('{"truncated": ');
    await file.close();
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('zz-pods.json');
    expect(await contents(out)).toEqual(before);
    const parent = await readdir(join(work, 'fails-late-parent'));
    expect(parent.filter((n) => n.includes('.kube-evidence'))).toEqual([]);
  }, 120_000);
});

/** A JSON list over the streaming threshold: `item(i)` for each index, padded so the file passes 16 MiB. */
async function writeLargeList(path: string, kind: string, item: (i: number) => unknown): Promise<void> {
  const handle = await open(path, 'w');
  await handle.write(`{"apiVersion":"v1","kind":"${kind}","items":[`);
  const pad = 'p'.repeat(4000);
  for (let i = 0; i < 4500; i++) {
    const value = item(i) as { metadata?: Record<string, unknown> };
    if (value.metadata) value.metadata = { ...value.metadata, labels: { pad } };
    await handle.write(`${i ? ',' : ''}${JSON.stringify(value)}`);
  }
  await handle.write('],"metadata":{"resourceVersion":"7"}}');
  await handle.close();
  expect((await stat(path)).size).toBeGreaterThan(STREAMED_FROM);
}

/** Every file below `dir` with its content. */
async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of await listFiles(dir)) out[path] = await readFile(join(dir, path), 'base64');
  return out;
}
