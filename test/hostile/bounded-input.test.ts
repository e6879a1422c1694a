// Inputs beyond the tool's bounds end with exit 2 and one line naming the file: deep JSON, huge strings, sparse files, YAML bombs.
import { cp, mkdir, mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLargeJson } from '../../src/facts/json-stream.js';
import { parseJson } from '../../src/util/fs.js';
import { runCli } from '../helpers/cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-bounded-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

let n = 0;
/** A copy of the kubeadm sample with `file` replaced by `write`'s output. */
async function sampleWith(file: string, write: (path: string) => Promise<void>): Promise<string> {
  const snapshot = join(work, `snap-${n++}`);
  await cp('samples/kubeadm-lab', snapshot, { recursive: true });
  await mkdir(dirname(join(snapshot, file)), { recursive: true });
  await write(join(snapshot, file));
  return snapshot;
}

async function expectRefused(snapshot: string, ...mentions: string[]): Promise<void> {
  const out = join(work, `out-${n++}`);
  const run = await runCli([
    'report',
    '--snapshot',
    snapshot,
    '--profile',
    'kubeadm',
    '--format',
    'json',
    '--out',
    out,
  ]);
  expect(run.stderr.trim().split('\n'), run.stderr.slice(0, 500)).toHaveLength(1);
  expect(run.code).toBe(2);
  for (const mention of mentions) expect(run.stderr).toContain(mention);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(await readdir(out).catch(() => 'absent')).toBe('absent');
}

const deep = (depth: number) => `{"kind":"List","items":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;

describe('bounded input', () => {
  it('200,000-deep JSON in a small file', async () => {
    const snapshot = await sampleWith('kubernetes/pods.json', (p) => writeFile(p, deep(200_000)));
    await expectRefused(snapshot, 'pods.json:1:', 'nests deeper than 512 levels');
  });

  it('200,000-deep JSON in a streamed (large) file', async () => {
    const file = join(work, 'deep.json');
    await writeFile(file, `{"kind":"PodList","pad":"${'x'.repeat(1000)}","items":[${'['.repeat(200_000)}]}`);
    await expect(readLargeJson(file, 4096)).rejects.toThrow(
      /deep\.json: nests deeper than 512 levels \(at byte \d+\); refused/,
    );
  });

  it('deep JSON in a file read whole (node facts)', async () => {
    const snapshot = await sampleWith('nodes/deep.json', (p) => writeFile(p, `{"node":${deep(100_000)}}`));
    await expectRefused(snapshot, 'deep.json:1:', 'nests deeper');
  });

  it('a 200 MB pod name', async () => {
    const snapshot = await sampleWith('kubernetes/pods.json', async (p) => {
      const handle = await open(p, 'w');
      await handle.write('{"kind":"PodList","items":[{"metadata":{"name":"');
      const block = Buffer.alloc(8 * 1024 * 1024, 0x61);
      for (let i = 0; i < 25; i++) await handle.write(block);
      await handle.write('"}}]}');
      await handle.close();
    });
    await expectRefused(snapshot, 'pods.json', 'items[0] is larger than');
  }, 60_000);

  it('a 5 MB string in a small file', async () => {
    const file = join(work, 'long.json');
    expect(() => parseJson(`{"name":"${'a'.repeat(5 * 1024 * 1024)}"}`, file)).toThrow(
      /long\.json:1:9: holds a string longer than/,
    );
  });

  it('a 2 GB sparse kubernetes list (NUL bytes)', async () => {
    const snapshot = await sampleWith('kubernetes/pods.json', async (p) => {
      const handle = await open(p, 'w');
      await handle.truncate(2 * 1024 * 1024 * 1024);
      await handle.close();
    });
    await expectRefused(snapshot, 'pods.json', 'byte 0x00');
  });

  it('a 2 GB sparse file read whole (managed cluster)', async () => {
    const snapshot = await sampleWith('azure/managed-cluster.json', async (p) => {
      const handle = await open(p, 'w');
      await handle.truncate(2 * 1024 * 1024 * 1024);
      await handle.close();
    });
    await expectRefused(snapshot, 'managed-cluster.json', 'more than the 67108864');
  });

  it('a YAML alias bomb in a kubernetes file', async () => {
    const bomb = [
      'kind: List',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'items: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    const snapshot = await sampleWith('kubernetes/extra-pods.yaml', (p) => writeFile(p, bomb));
    await expectRefused(snapshot, 'extra-pods.yaml', 'aliases');
  });

  it('a YAML alias bomb in a waivers file', async () => {
    const file = join(work, 'bomb-waivers.yaml');
    await writeFile(
      file,
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nwaivers: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
    );
    const out = join(work, 'out-bomb');
    const run = await runCli([
      'report',
      '--snapshot',
      'samples/kubeadm-lab',
      '--profile',
      'kubeadm',
      '--waivers',
      file,
      '--out',
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('bomb-waivers.yaml');
  });

  it('JSON syntax errors give positions, never the content', async () => {
    const text = '{"kind":"PodList","items":[{"metadata":{"name":"a","password":SUPERSECRETVALUE}}]}';
    const snapshot = await sampleWith('kubernetes/pods.json', (p) => writeFile(p, text));
    const out = join(work, 'out-syntax');
    const run = await runCli(['report', '--snapshot', snapshot, '--profile', 'kubeadm', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pods.json:1:63: is not valid JSON (unexpected character)');
    expect(run.stderr).not.toContain('SUPERSEC');
    expect(run.stderr).not.toContain('password');
  });

  it('a syntax error inside a streamed list names the item and the byte, not the content', async () => {
    const file = join(work, 'stream-bad.json');
    await writeFile(
      file,
      '{"kind":"PodList","items":[{"metadata":{"name":"a"}},{"password":SUPERSECRETVALUE}]}',
    );
    const error = (await readLargeJson(file, 16).catch((e: Error) => e)) as Error;
    expect(error.message).toBe(`${file}: items[1]: is not valid JSON (unexpected character at byte 65)`);
  });
});

describe('unexpected errors', () => {
  it('exit 3 with one line; the stack only with --debug', async () => {
    // An output path below a file: a failure the tool does not anticipate as bad input.
    const args = ['report', '--snapshot', 'samples/kubeadm-lab', '--profile', 'kubeadm', '--format', 'json'];
    const run = await runCli([...args, '--out', '/dev/null/sub']);
    const errorLines = (text: string) => text.split('\n').filter((l) => l.startsWith('kube-evidence:'));
    if (run.code === 3) {
      expect(errorLines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/unexpected error: .*--debug/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      const debug = await runCli([...args, '--debug', '--out', '/dev/null/sub']);
      expect(debug.code).toBe(3);
      // The stack (native fs errors carry only their first line) comes after the one-line message.
      expect(debug.stderr.trim().split('\n').length).toBeGreaterThan(run.stderr.trim().split('\n').length);
    } else {
      // The pack writer recognised the path as bad input: still one line and no stack.
      expect(run.code).toBe(2);
      expect(errorLines(run.stderr)).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--help lists every exit code', async () => {
    const run = await runCli(['report', '--help']);
    for (const code of ['0  done', '1  done, and at least one', '2  bad input', '3  unexpected error'])
      expect(run.stdout).toContain(code);
  });
});
