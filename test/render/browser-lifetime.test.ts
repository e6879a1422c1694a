// Chromium dies with us: its whole process group is gone after our normal exit, SIGTERM and SIGKILL; a browser that fails to start costs only the PDF.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/pack/manifest.js';
import { verifyPack } from '../../src/pack/verify.js';
import { FORMAT_RENDERERS, OUTPUT_FORMATS } from '../../src/render/formats.js';
import { spawnCli, type ChildRun } from '../helpers/child-cli.js';
import { runCli } from '../helpers/cli.js';
import { SAMPLE, tempDir } from './sample.js';

interface Proc {
  pid: number;
  ppid: number;
  pgrp: number;
}

/** Every process, from /proc/PID/stat (the command name may hold spaces: fields are read after its last ')'). */
async function processes(): Promise<Proc[]> {
  const out: Proc[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const text = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Zombies (state Z) are dead already: only their parent has not collected them.
    if (fields.length > 3 && fields[0] !== 'Z')
      out.push({ pid: Number(name), ppid: Number(fields[1]), pgrp: Number(fields[2]) });
  }
  return out;
}

async function until<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The process group of the Chromium the child started (its leader is the child's direct child). */
async function chromiumGroup(run: ChildRun): Promise<number> {
  const group = await until(async () => {
    const procs = await processes();
    const leader = procs.find((p) => p.ppid === run.child.pid && p.pgrp === p.pid);
    return leader && procs.filter((p) => p.pgrp === leader.pid).length > 1 ? leader.pid : undefined;
  }, 180_000);
  if (group === undefined) throw new Error('Chromium did not start');
  return group;
}

const groupGone = (group: number) =>
  until(async () => ((await processes()).some((p) => p.pgrp === group) ? undefined : true), 15_000);

const reportArgs = (out: string, formats = 'pdf,json') => [
  'report',
  '--snapshot',
  SAMPLE,
  '--profile',
  'aks',
  '--out',
  out,
  '--format',
  formats,
  '--lang',
  'en',
  '--no-fail',
];

describe('Chromium lifetime', () => {
  // Killed as soon as Chromium starts (before puppeteer has connected), and a few seconds later (printing).
  for (const [signal, delay] of [
    ['SIGKILL', 0],
    ['SIGKILL', 3000],
    ['SIGTERM', 0],
  ] as const) {
    it(
      `after ${signal} of our process (${delay} ms after Chromium started) no Chromium of ours remains`,
      { timeout: 300_000 },
      async () => {
        const out = join(await tempDir(`chromium-${signal}`), 'pack');
        const run = await spawnCli(reportArgs(out));
        const group = await chromiumGroup(run);
        await new Promise((r) => setTimeout(r, delay));
        run.child.kill(signal);
        await run.done;
        expect(await groupGone(group), `group ${group} still alive after ${signal}`).toBe(true);
      },
    );
  }

  it('after a normal run the browser group is gone', { timeout: 300_000 }, async () => {
    const out = join(await tempDir('chromium-exit'), 'pack');
    const run = await spawnCli(reportArgs(out));
    const group = await chromiumGroup(run);
    const ended = await run.done;
    expect(ended.code, ended.stderr).toBe(0);
    expect(await groupGone(group)).toBe(true);
  });

  it('a browser that fails to start: JSON and workbook written and hashed, one line, exit 4', async () => {
    const out = join(await tempDir('chromium-fails'), 'pack');
    const saved = process.env.KUBE_EVIDENCE_CHROME;
    process.env.KUBE_EVIDENCE_CHROME = '/bin/false';
    try {
      const result = await runCli(reportArgs(out, 'pdf,json,xlsx'));
      expect(result.code).toBe(4);
      const lines = result.stderr.split('\n').filter((l) => l.includes('/bin/false'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/failed to start.*without the PDF \(exit 4\)/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect((await readdir(out)).sort()).toEqual([
        'assessment.json',
        'manifest.json',
        'report.xlsx',
        'snapshot',
      ]);
      expect((await verifyPack(out)).ok).toBe(true);

      // Every format for several frameworks: one line for the whole run, every other format in each folder, hashed.
      const all = join(await tempDir('chromium-fails-all'), 'pack');
      const every = await runCli([...reportArgs(all, 'all'), '--framework', 'all']);
      expect(every.code).toBe(4);
      expect(every.stderr.split('\n').filter((l) => l.includes('/bin/false'))).toHaveLength(1);
      const manifest = JSON.parse(await readFile(join(all, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.reports.length).toBeGreaterThan(1);
      const withoutPdf = OUTPUT_FORMATS.filter((f) => f !== 'pdf').flatMap((f) => [
        ...FORMAT_RENDERERS[f].files,
      ]);
      for (const report of manifest.reports) {
        expect(report.files).toEqual(withoutPdf.map((name) => `${report.dir}/${name}`));
        expect((await readdir(join(all, report.dir))).sort()).toEqual([...withoutPdf].sort());
      }
      expect((await verifyPack(all)).ok).toBe(true);

      // Asked for the PDF alone, there is nothing to write: exit 2, one line, no pack.
      const alone = join(await tempDir('chromium-fails-alone'), 'pack');
      const only = await runCli(reportArgs(alone, 'pdf'));
      expect(only.code).toBe(2);
      expect(
        only.stderr
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('kube-evidence:')),
      ).toHaveLength(1);
      expect(await stat(alone).catch(() => undefined)).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.KUBE_EVIDENCE_CHROME;
      else process.env.KUBE_EVIDENCE_CHROME = saved;
    }
  });
});
