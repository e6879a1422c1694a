// The command line as a user meets it: KUBE_EVIDENCE_LANG, default frameworks, exit codes in --help, wrapped tables, progress.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/catalogue/text-table.js';
import { buildProgram } from '../../src/cli/main.js';
import { setQuiet } from '../../src/cli/log.js';
import { startProgress } from '../../src/cli/progress.js';
import { runCli } from '../helpers/cli.js';

const SAMPLE = 'samples/kubeadm-lab';
const saved = { lang: process.env.KUBE_EVIDENCE_LANG, columns: process.env.COLUMNS };
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-cli-'));
});
afterEach(async () => {
  for (const [name, value] of [
    ['KUBE_EVIDENCE_LANG', saved.lang],
    ['COLUMNS', saved.columns],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  await rm(work, { recursive: true, force: true });
});

const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)];

describe('KUBE_EVIDENCE_LANG', () => {
  it('is the default of --lang on every command that has one', async () => {
    const withLang = everyCommand(await buildProgram()).filter((c) =>
      c.options.some((o) => o.long === '--lang'),
    );
    expect(withLang.map((c) => c.name()).sort()).toEqual(
      ['compare', 'discover', 'list', 'matrix', 'render', 'report', 'report', 'scan', 'scan', 'show'].sort(),
    );
    for (const command of withLang) {
      const option = command.options.find((o) => o.long === '--lang')!;
      expect(option.envVar, command.name()).toBe('KUBE_EVIDENCE_LANG');
      expect(option.defaultValue).toBe('zh');
    }
  });

  it('switches the language when --lang is not given, and --lang still wins', async () => {
    process.env.KUBE_EVIDENCE_LANG = 'en';
    const english = await runCli(['profiles', 'show', 'kubeadm']);
    expect(english.code).toBe(0);
    expect(english.stdout).not.toMatch(/[\u4e00-\u9fff]/u);
    const chinese = await runCli(['profiles', 'show', 'kubeadm', '--lang', 'zh']);
    expect(chinese.stdout).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('reaches the workbook `report` writes', async () => {
    process.env.KUBE_EVIDENCE_LANG = 'en';
    const out = join(work, 'pack');
    const run = await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'kubeadm',
      '--out',
      out,
      '--format',
      'xlsx',
      '--no-fail',
    ]);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'report.xlsx'));
    const names = book.worksheets.map((s) => s.name).join(' ');
    expect(names).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('a bad value names the option', async () => {
    process.env.KUBE_EVIDENCE_LANG = 'fr';
    const run = await runCli(['profiles', 'show', 'aks']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang: "fr" is not one of zh, en');
  });
});

describe('--framework defaults like report', () => {
  it('evaluate writes the CIS assessment without --framework', async () => {
    const out = join(work, 'assessment.json');
    const run = await runCli([
      'evaluate',
      '--snapshot',
      SAMPLE,
      '--profile',
      'kubeadm',
      '--out',
      out,
      '--no-fail',
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const assessment = JSON.parse(await readFile(out, 'utf8')) as { framework: { id: string } };
    expect(assessment.framework.id).toBe('cis-kubernetes-1.11.1');
    expect(run.stderr).toBe('');
  });

  it('profiles matrix writes the CIS matrix without --framework', async () => {
    const out = join(work, 'matrix.xlsx');
    const run = await runCli(['profiles', 'matrix', '--out', out]);
    expect(run.code).toBe(0);
    // Without a cluster the benchmark id means its newest version: CIS Kubernetes v1.12.0, 131 requirements.
    expect(run.stderr).toMatch(/wrote .*matrix\.xlsx \(131 requirements × \d+ profiles\)/);
  });
});

describe('--help', () => {
  it('lists the exit codes on every command, as README.md does', async () => {
    const readme = await readFile('README.md', 'utf8');
    for (const command of everyCommand(await buildProgram())) {
      const help = command.helpInformation() + (await helpAfter(command));
      expect(help, command.name()).toMatch(
        /Exit codes:\n\s+0\s+done\n\s+1\s+done, and at least one automated requirement failed/,
      );
      expect(help).toMatch(/\n\s+2\s+bad input or usage/);
      expect(help).toMatch(/\n\s+3\s+unexpected error/);
    }
    expect(readme).toMatch(/\| `1` +\| done, and at least one automated requirement failed/);
    expect(readme).toMatch(/\| `2` +\| bad input or usage/);
    expect(readme).toMatch(/\| `3` +\| unexpected error/);
  });
});

/** The text commander prints after the usage (addHelpText 'after'). */
async function helpAfter(command: Command): Promise<string> {
  let text = '';
  command.configureOutput({ writeOut: (s) => (text += s) });
  command.outputHelp();
  return text;
}

describe('profiles show', () => {
  it.each([80, 120])('fits a %i-column terminal, wrapping long reasons', async (columns) => {
    process.env.COLUMNS = String(columns);
    for (const lang of ['en', 'zh']) {
      const run = await runCli(['profiles', 'show', 'aks', '--lang', lang]);
      expect(run.code).toBe(0);
      const widths = run.stdout.split('\n').map(displayWidth);
      expect(Math.max(...widths)).toBeLessThanOrEqual(columns);
    }
    // Check ids stay whole when the terminal is wide enough for them.
    const wide = await runCli(['profiles', 'show', 'aks', '--lang', 'en']);
    if (columns >= 120) expect(wide.stdout).toMatch(/^file-controller-manager-manifest-mode /m);
  });

  it('is not wrapped when it is not printed to a terminal', async () => {
    delete process.env.COLUMNS;
    const run = await runCli(['profiles', 'show', 'aks', '--lang', 'en']);
    expect(Math.max(...run.stdout.split('\n').map(displayWidth))).toBeGreaterThan(150);
  });
});

describe('progress', () => {
  it('prints plain stage lines with counts when stderr is not a terminal, nothing with --quiet', async () => {
    const out = join(work, 'pack');
    const args = [
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'kubeadm',
      '--out',
      out,
      '--format',
      'json',
      '--no-fail',
    ];
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /load samples\/kubeadm-lab: done in [\d.]+ s \(objects [1-9]\d* · requirements 0 · pages 0\)/,
    );
    expect(run.stderr).toMatch(
      /evaluate cis-kubernetes-1\.11\.1: done in [\d.]+ s \(objects \d+ · requirements 132 · pages 0\)/,
    );
    expect(run.stderr).not.toMatch(/\u001b\[/u);
    const quiet = await runCli([...args, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('draws one live line on a terminal, redrawn during synchronous work, and clears it at the end', () => {
    let text = '';
    const tty = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          text += chunk.toString();
          done();
        },
      }),
      { isTTY: true, columns: 120, rows: 40 },
    ) as unknown as NodeJS.WriteStream;
    setQuiet(false);
    const progress = startProgress(tty);
    progress.stage('evaluate demo', 3);
    // Evaluation is synchronous: the line must be redrawn from inside the updates, with no timer getting a turn.
    const block = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    for (let i = 1; i <= 3; i++) {
      block(250);
      progress.count({ requirements: 1 });
      progress.advance(i);
    }
    expect(text).toMatch(/evaluate demo \S+ [12]\/3 \| objects 0 · requirements [23] · pages 0/);
    progress.count({ pages: 12, objects: 30000 });
    progress.stop();
    expect(text).toContain('evaluate demo');
    expect(text).toMatch(/objects 30,000 · requirements 3 · pages 12/);
    // The line is cleared and the cursor shown again.
    expect(text).toMatch(/\u001b\[\?25h.*\u001b\[2K$/su);
  });
});
