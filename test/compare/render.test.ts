// The comparison PDF and workbook read back: AKS against kubeadm (zh) and one cluster over time (en).
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASS_LABELS, compareLabels } from '../../src/compare/labels.js';
import type { Comparison } from '../../src/compare/model.js';
import { objectText } from '../../src/render/compare-view.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { pdfInfo, pdfText } from '../helpers/pdf-text.js';
import { laterKubeadmScan, writeAssessed } from './fixtures.js';

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

// Row values are a sparse array (index 0 is empty): Array.from fills the holes.
const headerOf = (sheet: ExcelJS.Worksheet) =>
  Array.from(sheet.getRow(1).values as unknown[], (v) => (v === undefined ? '' : String(v)));

describe('comparison outputs', () => {
  let dir: string;
  let zhOut: string;
  let enOut: string;
  let zhRun: CliResult;
  let enRun: CliResult;
  let zh: Comparison;
  let en: Comparison;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ke-cmp-render-'));
    const aks = await writeAssessed('samples/aks-prod', 'aks', join(dir, 'aks.json'));
    const kubeadm = await writeAssessed('samples/kubeadm-lab', 'kubeadm', join(dir, 'kubeadm.json'));
    const laterDir = await laterKubeadmScan(join(dir, 'later'), {
      collectedAt: '2027-02-20T08:30:00Z',
      fixNamespaces: ['logging'],
      addPod: { namespace: 'debug', name: 'netshoot-7f9c', container: 'netshoot' },
    });
    // Hostile text from the cluster must stay text: escaped in the PDF, not a formula in the workbook.
    const later = await writeAssessed(laterDir, 'kubeadm', join(dir, 'later.json'), (a) => {
      const r = a.results.find((x) => x.id === '5.2.2')!;
      r.reason = {
        zh: '=HYPERLINK("http://example.invalid")',
        en: '=HYPERLINK("http://example.invalid") <b>bold?</b>',
      };
    });
    zhOut = join(dir, 'zh');
    enOut = join(dir, 'en');
    // One PDF per language, printed once for the whole file.
    zhRun = await runCli(['compare', aks, kubeadm, '--out', zhOut, '--lang', 'zh']);
    enRun = await runCli(['compare', kubeadm, later, '--out', enOut, '--lang', 'en']);
    zh = JSON.parse(await readFile(join(zhOut, 'comparison.json'), 'utf8')) as Comparison;
    en = JSON.parse(await readFile(join(enOut, 'comparison.json'), 'utf8')) as Comparison;
  }, 180_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 and says where it wrote each file', () => {
    for (const run of [zhRun, enRun]) {
      expect(run.stderr).not.toContain('unexpected');
      expect(run.code).toBe(0);
      for (const file of ['comparison.json', 'comparison.xlsx', 'comparison.pdf'])
        expect(run.stderr).toContain(file);
    }
  });

  it('writes a Chinese PDF with both cluster names, every requirement id and the difference classes', () => {
    const text = pdfText(join(zhOut, 'comparison.pdf')).replace(/\s+/g, ' ');
    const L = compareLabels('zh');
    expect(text).toContain(L.reportTitle);
    expect(text).toContain('aks-payments-prod');
    expect(text).toContain('kubeadm-lab');
    for (const row of zh.rows) expect(text).toContain(row.key);
    expect(text).toContain(CLASS_LABELS.remapped.zh);
    expect(text).toContain(L.shiftsHeading);
    expect(text).toContain(zh.sides[0]!.source.sha256.slice(0, 12));
    expect(text).toMatch(/第 1 页，共 \d+ 页/);
    const info = pdfInfo(join(zhOut, 'comparison.pdf'));
    expect(info.Title).toContain(L.reportTitle);
    expect(info.Title).toContain('aks-payments-prod');
    expect(info.Author).toMatch(/^kube-evidence /);
  });

  it('writes a workbook with the four sheets, one Comparison row per requirement and a class column', async () => {
    const L = compareLabels('zh');
    const workbook = await readWorkbook(join(zhOut, 'comparison.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      L.sheetSummary,
      L.sheetComparison,
      L.sheetDifferences,
      L.sheetObjects,
    ]);
    const sheet = workbook.getWorksheet(L.sheetComparison)!;
    expect(sheet.rowCount).toBe(zh.rows.length + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Every sheet's header looks like the evidence pack's: white bold text on navy, with an autofilter.
    for (const each of workbook.worksheets) {
      expect(each.autoFilter, each.name).toBeTruthy();
      const first = each.getRow(1).getCell(1);
      expect(first.font, each.name).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
      expect(first.fill, each.name).toMatchObject({ fgColor: { argb: 'FF0B3A66' } });
    }
    const header = headerOf(sheet);
    const classCol = header.indexOf(`${L.differenceClass} · ${L.sideN.replace('{n}', '2')}`);
    const idCol = header.indexOf(L.id);
    expect(classCol).toBeGreaterThan(0);
    expect(header.filter((h) => h.includes(L.status))).toHaveLength(2);
    for (let i = 0; i < zh.rows.length; i++) {
      const row = sheet.getRow(i + 2);
      expect(String(row.getCell(idCol).value)).toBe(zh.rows[i]!.key);
      expect(row.getCell(classCol).value).toBe(CLASS_LABELS[zh.rows[i]!.differences[0]!.class].zh);
    }
    const differing = zh.rows.filter((r) => r.differences.some((d) => d.class !== 'same')).length;
    expect(differing).toBeGreaterThan(0);
    expect(workbook.getWorksheet(L.sheetDifferences)!.rowCount).toBe(differing + 1);
    // Different clusters: nothing is tracked over time, only the header.
    expect(workbook.getWorksheet(L.sheetObjects)!.rowCount).toBe(1);
  });

  it('shows one cluster over time in English: the fixed and the new pod, escaped text', () => {
    const text = pdfText(join(enOut, 'comparison.pdf')).replace(/\s+/g, ' ');
    const L = compareLabels('en');
    expect(text).toContain(L.objectsHeading);
    expect(text).toMatch(/New \(1\) Pod debug\/netshoot-7f9c \[netshoot\]/);
    const fixed = en.rows.find((r) => r.key === '5.2.2')!.differences[0]!.objects!.fixed;
    expect(fixed.map((o) => o.namespace)).toEqual(['logging']);
    expect(text).toContain(`Fixed (1) ${objectText(fixed[0]!)}`);
    expect(text).toContain(CLASS_LABELS.regression.en);
    expect(text).toContain('<b>bold?</b>');
    expect(en.rows.find((r) => r.key === '5.2.2')!.differences[0]!.class).toBe('regression');
  });

  it('lists every object over time in the workbook, and neutralises formula-like text', async () => {
    const L = compareLabels('en');
    const workbook = await readWorkbook(join(enOut, 'comparison.xlsx'));
    const objects = workbook.getWorksheet(L.sheetObjects)!;
    const total = en.rows
      .flatMap((r) => r.differences)
      .reduce(
        (n, d) =>
          n + (d.objects ? d.objects.new.length + d.objects.fixed.length + d.objects.stillFailing.length : 0),
        0,
      );
    expect(total).toBeGreaterThan(1);
    expect(objects.rowCount).toBe(total + 1);
    const header = headerOf(objects);
    const rows = Array.from({ length: total }, (_, i) => objects.getRow(i + 2));
    const find = (name: string) =>
      rows.find(
        (r) =>
          r.getCell(header.indexOf(L.name)).value === name &&
          r.getCell(header.indexOf(L.id)).value === '5.2.2',
      );
    expect(find('netshoot-7f9c')!.getCell(header.indexOf(L.change)).value).toBe(L.newObjects);
    const shipper = en.rows.find((r) => r.key === '5.2.2')!.differences[0]!.objects!.fixed[0]!;
    expect(find(shipper.name)!.getCell(header.indexOf(L.change)).value).toBe(L.fixedObjects);
    const comparison = workbook.getWorksheet(L.sheetComparison)!;
    const evidenceCol = headerOf(comparison).findIndex(
      (h) => h.startsWith(`${L.sideN.replace('{n}', '2')}:`) && h.endsWith(L.evidence),
    );
    expect(evidenceCol).toBeGreaterThan(0);
    const index = en.rows.findIndex((r) => r.key === '5.2.2');
    expect(String(comparison.getRow(index + 2).getCell(evidenceCol).value)).toMatch(/^'=HYPERLINK/);
  });
});
