// Packs are transactions: input never inside output, foreign --out refused, one writer at a time, kill -9 leaves a whole pack.
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pack/hash.js';
import { acquireLock } from '../../src/pack/lock.js';
import { verifyPack } from '../../src/pack/verify.js';
import { writePack } from '../../src/pack/write-pack.js';
import { spawnCli } from '../helpers/child-cli.js';
import { runCli } from '../helpers/cli.js';
import { sampleAssessment, tempDir } from '../render/sample.js';

const KUBEADM = join(import.meta.dirname, '..', '..', 'samples', 'kubeadm-lab');
const reportArgs = (snapshot: string, out: string, ...extra: string[]) => [
  'report',
  '--snapshot',
  snapshot,
  '--profile',
  'kubeadm',
  '--out',
  out,
  '--format',
  'json,xlsx',
  '--no-fail',
  ...extra,
];

/** Every path below dir with its content, to prove nothing changed. */
async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of await listFiles(dir)) out[path] = await readFile(join(dir, path), 'base64');
  return out;
}

/** Names beside the pack that a run owns: temporaries, packs moved aside, locks. */
async function leftovers(parent: string): Promise<string[]> {
  return (await readdir(parent)).filter((n) => n.includes('.kube-evidence'));
}

async function createdAt(pack: string): Promise<string> {
  return (JSON.parse(await readFile(join(pack, 'manifest.json'), 'utf8')) as { createdAt: string }).createdAt;
}

describe('input and output', () => {
  it('refuses a snapshot inside --out before touching anything (the pack would replace it)', async () => {
    const x = await tempDir('in-out');
    await cp(KUBEADM, join(x, 'snapshot'), { recursive: true });
    const before = await contents(x);
    const result = await runCli(reportArgs(join(x, 'snapshot'), x));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--out: .* holds the input/);
    expect(await contents(x)).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(20);
  });

  it('refuses --out equal to the snapshot, and --out inside it', async () => {
    const x = join(await tempDir('in-out-same'), 'snap');
    await cp(KUBEADM, x, { recursive: true });
    const before = await contents(x);
    expect((await runCli(reportArgs(x, x))).code).toBe(2);
    const inside = await runCli(reportArgs(x, join(x, 'pack')));
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/inside the input/);
    expect(await contents(x)).toEqual(before);
  });

  it('refuses a waivers file and an assessment inside --out', async () => {
    const x = await tempDir('in-out-waivers');
    await writeFile(join(x, 'waivers.yaml'), 'waivers: []\n');
    const result = await runCli(reportArgs(KUBEADM, x, '--waivers', join(x, 'waivers.yaml')));
    expect(result.code).toBe(2);
    expect(await readFile(join(x, 'waivers.yaml'), 'utf8')).toBe('waivers: []\n');
    const pack = join(x, 'pack');
    expect((await runCli(reportArgs(KUBEADM, pack))).code).toBe(0);
    const render = await runCli([
      'render',
      '--assessment',
      join(pack, 'assessment.json'),
      '--out',
      pack,
      '--format',
      'json',
    ]);
    expect(render.code).toBe(2);
    expect((await verifyPack(pack)).ok).toBe(true);
  });

  it('refuses an --out that holds something else unless --force', async () => {
    const x = await tempDir('foreign');
    const out = join(x, 'out');
    await mkdir(out);
    await writeFile(join(out, 'thesis.docx'), 'precious');
    const refused = await runCli(reportArgs(KUBEADM, out));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not a kube-evidence pack.*--force/);
    expect(await readFile(join(out, 'thesis.docx'), 'utf8')).toBe('precious');
    const forced = await runCli(reportArgs(KUBEADM, out, '--force'));
    expect(forced.code).toBe(0);
    expect((await verifyPack(out)).ok).toBe(true);
    expect(await leftovers(x)).toEqual([]);
  });

  it('replaces an earlier pack whole: no file of the old one is left beside the new', async () => {
    const x = await tempDir('replace');
    const out = join(x, 'pack');
    expect((await runCli([...reportArgs(KUBEADM, out), '--framework', 'all'])).code).toBe(0);
    expect((await runCli(reportArgs(KUBEADM, out))).code).toBe(0);
    const report = await verifyPack(out);
    expect(report.ok).toBe(true);
    expect((await readdir(out)).sort()).toEqual([
      'assessment.json',
      'manifest.json',
      'report.xlsx',
      'snapshot',
    ]);
    expect(await leftovers(x)).toEqual([]);
  });
});

describe('failures and concurrency', () => {
  it('a failure while writing keeps the previous good pack and leaves no temporary behind', async () => {
    const x = await tempDir('fail');
    const out = join(x, 'pack');
    const assessment = await sampleAssessment();
    await writePack([assessment], { outDir: out, formats: ['json'], lang: 'en' });
    const before = await contents(out);
    await expect(
      writePack([assessment], {
        outDir: out,
        formats: ['json', 'xlsx'],
        lang: 'en',
        onFile: (path) => {
          if (path.endsWith('assessment.json')) throw new Error('disk full (simulated)');
        },
      }),
    ).rejects.toThrow(/disk full/);
    expect(await contents(out)).toEqual(before);
    expect(await leftovers(x)).toEqual([]);
  });

  it('a second writer is refused while the lock is held; a dead holder’s lock is taken over', async () => {
    const x = await tempDir('lock');
    const out = join(x, 'pack');
    const release = await acquireLock(join(x, '.pack.kube-evidence.lock'), out);
    const refused = await runCli(reportArgs(KUBEADM, out));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/another kube-evidence run \(pid \d+/);
    await release();
    // A lock left by a process that no longer exists.
    await writeFile(
      join(x, '.pack.kube-evidence.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: 'then' }),
    );
    expect((await runCli(reportArgs(KUBEADM, out))).code).toBe(0);
    expect(await leftovers(x)).toEqual([]);
  });

  it(
    'two concurrent report runs into one --out: one is refused with one line, the result verifies',
    { timeout: 240_000 },
    async () => {
      const x = await tempDir('concurrent');
      const out = join(x, 'pack');
      const runs = await Promise.all([
        spawnCli(reportArgs(KUBEADM, out)),
        spawnCli(reportArgs(KUBEADM, out)),
      ]);
      const results = await Promise.all(runs.map((r) => r.done));
      const codes = results.map((r) => r.code).sort();
      expect(codes, results.map((r) => r.stderr).join('\n')).toEqual([0, 2]);
      const loser = results.find((r) => r.code === 2)!;
      expect(loser.stderr.trim().split('\n')).toHaveLength(1);
      expect(loser.stderr).toMatch(/another kube-evidence run/);
      expect((await verifyPack(out)).ok).toBe(true);
      expect(await leftovers(x)).toEqual([]);
    },
  );

  it(
    'kill -9 at any moment of report leaves the old pack or the new one, whole; the next run tidies up',
    { timeout: 240_000 },
    async () => {
      const x = await tempDir('kill');
      const out = join(x, 'pack');
      expect((await runCli(reportArgs(KUBEADM, out))).code).toBe(0);
      const first = await createdAt(out);
      // Killed after the first file of the new pack, then at growing delays (across the swap).
      const moments: Array<() => Promise<unknown>> = [];
      for (const delay of [0, 150, 400, 800, 1500])
        moments.push(() => new Promise((r) => setTimeout(r, delay)));
      for (const [i, wait] of moments.entries()) {
        const run = await spawnCli(reportArgs(KUBEADM, out));
        if (i === 0) await run.stderrLine(/wrote .*assessment\.json/).catch(() => undefined);
        else await wait();
        run.child.kill('SIGKILL');
        const ended = await run.done;
        const report = await verifyPack(out);
        expect(report.ok, `after kill ${i} (${ended.signal ?? ended.code})`).toBe(true);
        const now = await createdAt(out);
        expect(now === first || ended.signal === 'SIGKILL' || ended.code === 0).toBe(true);
      }
      expect((await runCli(reportArgs(KUBEADM, out))).code).toBe(0);
      expect((await verifyPack(out)).ok).toBe(true);
      expect(await leftovers(x)).toEqual([]);
    },
  );

  it(
    'a killed --zip-only run leaves a temporary that the next run removes',
    { timeout: 240_000 },
    async () => {
      const x = await tempDir('zip-kill');
      const zip = join(x, 'pack.zip');
      const args = [
        'report',
        '--snapshot',
        KUBEADM,
        '--profile',
        'kubeadm',
        '--zip',
        zip,
        '--format',
        'json,xlsx',
        '--no-fail',
      ];
      const run = await spawnCli(args);
      await run.stderrLine(/wrote .*assessment\.json/);
      run.child.kill('SIGKILL');
      await run.done;
      expect((await leftovers(x)).length).toBeGreaterThan(0);
      expect((await runCli(args)).code).toBe(0);
      expect(await readdir(x)).toEqual(['pack.zip']);
      expect((await verifyPack(zip)).ok).toBe(true);
      expect((await stat(zip)).size).toBeGreaterThan(0);
    },
  );
});
