// fleet report from a directory store: latest verified pack per cluster, refused and unfinished packs, stale scans, trend; workbook, PDF and JSON read back.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_FILL } from '../../src/render/status-colors.js';
import { runCli } from '../helpers/cli.js';
import { expectArchival } from '../helpers/pdf-archival.js';
import { pdfText } from '../helpers/pdf-text.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const FRAMEWORK = 'cis-kubernetes-1.11.1';
let work: string;
let store: string;

/** A sample re-dated and renamed, turned into a pack at STORE/<cluster>/<stamp>/ by the real report command. */
async function pack(sample: string, profile: string, cluster: string, collectedAt: string): Promise<string> {
  const snapshot = join(work, 'snapshots', `${cluster}-${collectedAt.slice(0, 10)}`);
  await cp(join(SAMPLES, sample), snapshot, { recursive: true });
  const meta = JSON.parse(await readFile(join(snapshot, 'snapshot.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(
    join(snapshot, 'snapshot.json'),
    JSON.stringify({ ...meta, collectedAt, cluster: { name: cluster, provider: profile } }),
  );
  const stamp = collectedAt.replace(/\.\d+Z$|Z$/, '').replace(/[-:]/g, '') + 'Z';
  const dir = join(store, cluster, stamp);
  const result = await runCli([
    'report',
    '--snapshot',
    snapshot,
    '--profile',
    profile,
    '--format',
    'json',
    '--no-fail',
    '--out',
    dir,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return dir;
}

const recent = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-fleet-report-'));
  store = join(work, 'store');
  await pack('aks-prod', 'aks', 'aks-prod', recent(20));
  await pack('aks-prod', 'aks', 'aks-prod', recent(10));
  await pack('aks-prod', 'aks', 'aks-prod', recent(1));
  await pack('kubeadm-lab', 'kubeadm', 'lab', recent(12));
  await pack('kubeadm-lab', 'kubeadm', 'lab', recent(2));
  await pack('aks-prod', 'aks', 'old', '2025-01-15T08:00:00Z');
  const tampered = await pack('kubeadm-lab', 'kubeadm', 'tampered', recent(3));
  const assessment = join(tampered, 'assessment.json');
  await writeFile(assessment, (await readFile(assessment, 'utf8')).replace('"fail"', '"pass"'));
  // An upload still under way: files but no manifest yet.
  await mkdir(join(store, 'unfinished', '20261201T000000Z'), { recursive: true });
  await writeFile(join(store, 'unfinished', '20261201T000000Z', 'assessment.json'), '{}');
  // Not a cluster folder name: ignored.
  await mkdir(join(store, '.staging'), { recursive: true });
}, 300_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('kube-evidence fleet report', { timeout: 300_000 }, () => {
  let code: number;
  let stderr: string;
  const out = () => join(work, 'report-en');

  beforeAll(async () => {
    const result = await runCli([
      'fleet',
      'report',
      '--from',
      store,
      '--framework',
      FRAMEWORK,
      '--lang',
      'en',
      '--out',
      out(),
    ]);
    code = result.code;
    stderr = result.stderr;
  }, 300_000);

  it('counts the latest verified pack of each cluster; a tampered one is listed, never counted (exit 1)', async () => {
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/refused tampered\/\d{8}T\d{6}Z: fails verification: changed assessment\.json/);
    const report = JSON.parse(await readFile(join(out(), 'fleet-report.json'), 'utf8')) as {
      clusters: {
        id: string;
        pack: string;
        history: number;
        score: number;
        statuses: Record<string, string>;
      }[];
      rejected: { pack: string; latest: boolean }[];
      coverage: { stale: { id: string; reason: string }[] };
      trend: { day: string; meanScore: number; clusters: number }[];
      totals: { requirement: string; counts: { fail: number } }[];
    };
    expect(report.clusters.map((c) => c.id)).toEqual(['aks-prod', 'lab', 'old']);
    expect(report.clusters.find((c) => c.id === 'aks-prod')!.history).toBe(2);
    expect(report.clusters.find((c) => c.id === 'lab')!.statuses['1.2.1']).toBeDefined();
    expect(report.rejected).toEqual([
      expect.objectContaining({ latest: true, pack: expect.stringMatching(/^tampered\//) }),
    ]);
    expect(report.coverage.stale).toEqual(
      expect.arrayContaining([
        { id: 'old', collectedAt: '2025-01-15T08:00:00Z', ageDays: expect.any(Number), reason: 'old' },
        { id: 'tampered', reason: 'refused' },
        { id: 'unfinished', reason: 'no-pack' },
      ]),
    );
    expect(report.coverage.stale).toHaveLength(3);
    // Days with scans: 2025-01-15, then five recent ones; the last point has all three counted clusters.
    expect(report.trend.length).toBe(6);
    expect(report.trend.at(-1)!.clusters).toBe(3);
    const failsOf = (id: string) => report.totals.find((t) => t.requirement === id)!.counts.fail;
    const failing = report.clusters.filter((c) => c.statuses['5.2.2'] === 'fail').length;
    expect(failsOf('5.2.2')).toBe(failing);
  });

  it('writes a workbook: coloured matrix, clusters sheet, a sheet per failed requirement, refused packs', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out(), 'fleet-report.xlsx'));
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['Matrix', 'Clusters']);
    expect(names.at(-1)).toBe('Refused');
    const matrix = workbook.getWorksheet('Matrix')!;
    expect(matrix.rowCount).toBe(4);
    const header = (matrix.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('5.2.2') + 1;
    const rows = [2, 3, 4].map((r) => matrix.getRow(r));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(['aks-prod', 'lab', 'old']);
    const failRow = rows.find((r) => r.getCell(col).value === 'Fail');
    expect(failRow).toBeDefined();
    expect((failRow!.getCell(col).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(STATUS_FILL.fail);
    const requirementSheet = workbook.getWorksheet('R 5.2.2')!;
    expect(requirementSheet.getRow(2).getCell(1).value).toBe(failRow!.getCell(1).value);
    expect(Number(requirementSheet.getRow(2).getCell(2).value)).toBeGreaterThan(0);
    const clusters = workbook.getWorksheet('Clusters')!;
    expect((clusters.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['Cluster', 'Score']);
    expect(clusters.getRow(2).getCell(10).value).toMatch(/^\d{4}-\d\d-\d\dT/);
    const refused = workbook.getWorksheet('Refused')!.getRow(2);
    expect(refused.getCell(3).value).toBe('integrity check failed');
    expect(String(refused.getCell(4).value)).toContain('changed assessment.json');
    // Every requirement that fails or errors on a counted cluster has its sheet, named by its id.
    const report = JSON.parse(await readFile(join(out(), 'fleet-report.json'), 'utf8')) as {
      requirements: { id: string }[];
      clusters: { statuses: Record<string, string> }[];
    };
    const notPassing = report.requirements
      .map((r) => r.id)
      .filter((id) => report.clusters.some((c) => ['fail', 'error'].includes(c.statuses[id] ?? '')));
    expect(notPassing.length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('R '))).toEqual(notPassing.map((id) => `R ${id}`));
  });

  it('prints the PDF summary: worst requirements, ranking, coverage, trend and refused packs', async () => {
    const text = pdfText(join(out(), 'fleet-report.pdf'));
    for (const heading of [
      'Fleet Compliance Evidence Summary',
      'Worst requirements across the fleet',
      'Compliance over time',
      'Clusters ranked',
      'Coverage',
      'Packs refused',
    ])
      expect(text).toContain(heading);
    for (const id of ['aks-prod', 'lab', 'old', 'tampered', 'unfinished']) expect(text).toContain(id);
    expect(text).toContain('scan too old');
    expect(text).toContain('no finished pack');
    // Coverage says what it counts; a list cut short says how many more and where they are.
    expect(text).toContain('3 of 5 clusters without a recent scan (no counted scan in the last 30 days).');
    expect(text).toMatch(
      /\d+ more requirements fail on at least one cluster: the workbook fleet-report\.xlsx lists them all\./,
    );
    expect(text).not.toMatch(/^\s*\+\d+\s*$/m);
    expect(text).toMatch(/tampered\/(\d{8}T\d{6}Z)?\s+Latest\s+integrity check failed/);
  });

  it('prints in Chinese with --lang zh', async () => {
    const zh = join(work, 'report-zh');
    const result = await runCli([
      'fleet',
      'report',
      '--from',
      store,
      '--framework',
      FRAMEWORK,
      '--format',
      'pdf',
      '--out',
      zh,
      '--quiet',
    ]);
    expect(result.code).toBe(1);
    const text = pdfText(join(zh, 'fleet-report.pdf'));
    expect(text).toContain('集群群组合规证据汇总');
    expect(text).toContain('合规趋势');
    expect(text).toContain('5 个集群中有 3 个无近期扫描');
    expect(text).toContain('完整性校验失败');
    await expectArchival(join(zh, 'fleet-report.pdf'));
  });

  it('prints the English PDF as PDF/A-2u asks: embedded TrueType fonts, XMP, sRGB output intent, /ID', async () => {
    await expectArchival(join(out(), 'fleet-report.pdf'));
  });

  it.each([
    [['--framework', 'nope'], 'nope'],
    [['--framework', FRAMEWORK, '--stale-days', '0'], '--stale-days: "0" is not a whole number ≥ 1'],
    [['--framework', FRAMEWORK, '--from', '/nonexistent/x'], '--from: not found'],
    [['--framework', FRAMEWORK, '--from', 'http://example.com/c'], 'expected an https:// container URL'],
    // A pack's exchange formats are not the fleet report's.
    [
      ['--framework', FRAMEWORK, '--format', 'html'],
      '--format: "html" is not "all" or a list of json, xlsx, pdf',
    ],
  ])('rejects %j with exit 2', async (args, message) => {
    const result = await runCli(['fleet', 'report', '--from', store, ...args, '--out', join(work, 'bad')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
