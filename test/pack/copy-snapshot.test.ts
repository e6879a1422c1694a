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
    await writeFile(join(from, 'snapshot.json'), '{"schema":"kube-evidence/snapshot"}');
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
    // An item without a kind is judged by its file's kind and is written back without one.
    expect(JSON.parse(secrets).items[0].kind).toBeUndefined();

    const pods = await readFile(join(to, 'kubernetes', 'more', 'pods.yaml'), 'utf8');
    for (const leak of ['hunter2', 'topsecret', 'leak', 'last-applied']) expect(pods).not.toContain(leak);
    expect(pods).toContain('TOKEN');
    expect(await readFile(join(to, 'azure', 'managed-cluster.json'), 'utf8')).toBe('{"name":"c"}');
  });
});
