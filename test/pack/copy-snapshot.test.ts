// The snapshot copy in a pack is redacted again: no Secret data, env values or last-applied annotation survive.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySnapshot } from '../../src/pack/copy-snapshot.js';
import { tempDir } from '../render/sample.js';

describe('copySnapshot', () => {
  it('copies every file and redacts Kubernetes objects in JSON and YAML', async () => {
    const from = await tempDir('snap');
    await mkdir(join(from, 'kubernetes', 'more'), { recursive: true });
    await mkdir(join(from, 'azure'), { recursive: true });
    await writeFile(
      join(from, 'snapshot.json'),
      JSON.stringify({ schema: 'kube-evidence/snapshot', schemaVersion: 1, collectedKinds: [], gaps: [] }),
    );
    await writeFile(join(from, 'azure', 'managed-cluster.json'), '{"name":"c"}');
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
    const to = join(await tempDir('snap-copy'), 'snapshot');
    const copied = await copySnapshot(from, to);
    expect(copied.sort()).toEqual([
      'azure/managed-cluster.json',
      'kubernetes/more/pods.yaml',
      'kubernetes/secrets.json',
      'snapshot.json',
    ]);

    const secrets = await readFile(join(to, 'kubernetes', 'secrets.json'), 'utf8');
    expect(secrets).not.toContain('c2VjcmV0');
    expect(secrets).toContain('"name": "s"');
    // An item without a kind is judged by its file's kind, and written back with it.
    expect(JSON.parse(secrets).items[0].kind).toBe('Secret');

    const pods = await readFile(join(to, 'kubernetes', 'more', 'pods.yaml'), 'utf8');
    for (const leak of ['hunter2', 'topsecret', 'leak', 'last-applied']) expect(pods).not.toContain(leak);
    expect(pods).toContain('TOKEN');
    expect(JSON.parse(await readFile(join(to, 'azure', 'managed-cluster.json'), 'utf8'))).toEqual({
      name: 'c',
    });
  });
});

describe('copySnapshot follows the loader', () => {
  it('symlinked inputs the loader reads are copied as their content, so the copy evaluates the same', async () => {
    const { cp, rename, symlink } = await import('node:fs/promises');
    const { loadCatalogue } = await import('../../src/catalogue/load.js');
    const { loadSnapshot } = await import('../../src/collect/snapshot.js');
    const { evaluate } = await import('../../src/evaluate/evaluate.js');
    const base = await tempDir('linked');
    const real = join(base, 'real');
    await cp('samples/aks-prod', real, { recursive: true });
    const from = join(base, 'snap');
    await mkdir(join(from, 'azure'), { recursive: true });
    // Fixed-name files and a whole folder as symbolic links: the loader follows these.
    await symlink(join(real, 'snapshot.json'), join(from, 'snapshot.json'));
    await symlink(join(real, 'azure', 'managed-cluster.json'), join(from, 'azure', 'managed-cluster.json'));
    await rename(
      join(real, 'azure', 'diagnostic-settings.json'),
      join(from, 'azure', 'diagnostic-settings.json'),
    );
    await symlink(join(real, 'kubernetes'), join(from, 'kubernetes'));
    const to = join(base, 'copy');
    const copied = await copySnapshot(from, to);
    expect(copied).toEqual(
      expect.arrayContaining(['snapshot.json', 'azure/managed-cluster.json', 'kubernetes/pods.json']),
    );
    const catalogue = await loadCatalogue();
    const options = {
      framework: 'cis-kubernetes-1.11.1',
      profile: 'aks',
      now: new Date('2026-12-01T00:00:00Z'),
    };
    const input = evaluate(await loadSnapshot(from), catalogue, options);
    const copy = evaluate(await loadSnapshot(to), catalogue, options);
    expect(copy.summary.score).toBe(input.summary.score);
    expect(copy.results.map((r) => r.status)).toEqual(input.results.map((r) => r.status));
  });

  it('copies a list over 16 MiB item by item, redacted, as the same objects', async () => {
    const { open } = await import('node:fs/promises');
    const { loadSnapshot } = await import('../../src/collect/snapshot.js');
    const from = await tempDir('big');
    await mkdir(join(from, 'kubernetes'), { recursive: true });
    const handle = await open(join(from, 'kubernetes', 'pods.json'), 'w');
    await handle.write('{"apiVersion":"v1","items":[');
    const pad = 'p'.repeat(4000);
    const count = 4500;
    for (let i = 0; i < count; i++) {
      const item = {
        metadata: { name: `pod-${i}`, namespace: 'big', annotations: { note: pad } },
        spec: { containers: [{ name: 'c', image: 'i', env: [{ name: 'E', value: `secret-${i}` }] }] },
      };
      await handle.write(`${i ? ',' : ''}${JSON.stringify(item)}`);
    }
    await handle.write('],"kind":"PodList","metadata":{"resourceVersion":"7"}}');
    await handle.close();
    const to = join(await tempDir('big-copy'), 'snapshot');
    expect(await copySnapshot(from, to)).toEqual(['kubernetes/pods.json']);
    const text = await readFile(join(to, 'kubernetes', 'pods.json'), 'utf8');
    expect(text).not.toContain('secret-1');
    const parsed = JSON.parse(text) as {
      kind: string;
      metadata: unknown;
      items: { metadata: { name: string } }[];
    };
    expect(parsed.kind).toBe('PodList');
    expect(parsed.metadata).toEqual({ resourceVersion: '7' });
    expect(parsed.items.map((p) => p.metadata.name)).toEqual(
      Array.from({ length: count }, (_, i) => `pod-${i}`),
    );
    const facts = await loadSnapshot(to);
    expect(facts.kubernetes.objects.get('Pod')).toHaveLength(count);
  }, 60_000);
});
