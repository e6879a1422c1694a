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
import { expectArchival } from '../helpers/pdf-archival.js';
import { pdfInfo, pdfText } from '../helpers/pdf-text.js';
import { outlineTitles } from '../render/outline-titles.js';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
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

  it('prints both languages as PDF/A-2u asks: embedded TrueType fonts, XMP, sRGB output intent, /ID', async () => {
    await expectArchival(join(zhOut, 'comparison.pdf'));
    await expectArchival(join(enOut, 'comparison.pdf'));
  });

  it('opens with contents and the summary, then the side-by-side table; shifts are a compact table; bookmarks and links', async () => {
    const file = join(zhOut, 'comparison.pdf');
    const L = compareLabels('zh');
    const pages = pdfText(file).split('\f');
    // Page 1 the cover, page 2 the contents and the summary, page 3 the side-by-side table.
    expect(pages[1]).toContain(L.contents);
    expect(pages[1]).toContain(L.classCounts);
    expect(pages[2]).toContain(`2 ${L.bySection}`);
    // (Page 2, the contents, names every part: search after it.)
    const after = (text: string) => pages.findIndex((p, i) => i > 1 && p.includes(text));
    const shiftsStart = after(`3 ${L.shiftsHeading}`);
    const bySection = after(`2 ${L.bySection}`);
    expect(bySection).toBe(2);
    expect(shiftsStart).toBeGreaterThan(bySection);
    // One row per shift, the side named once in the header rather than on every row.
    const shiftPageList = pages.slice(shiftsStart, after(`4 ${L.differences}`));
    // The side's name appears in the running header and the repeated table header only, never per row.
    for (const page of shiftPageList) expect(page.split('kubeadm-lab').length - 1).toBeLessThanOrEqual(2);
    const shiftPages = shiftPageList.join('\n');
    for (const shift of zh.summary.responsibilityShifts) expect(shiftPages).toContain(shift.key);
    expect(shiftPages).toContain(L.shiftsTotals);

    const outline = await outlineTitles(file);
    expect(outline.filter((t) => !t.startsWith(' '))).toEqual([
      `1 ${L.summary}`,
      `2 ${L.bySection}`,
      `3 ${L.shiftsHeading}`,
      `4 ${L.differences}`,
      `5 ${L.method}`,
    ]);
    // Sections under the side-by-side table, each differing requirement under the differences.
    const differing = zh.rows.filter((r) => r.differences.some((d) => d.class !== 'same')).length;
    expect(outline.filter((t) => /^ {2}\S/.test(t)).length).toBeGreaterThanOrEqual(differing);
    // Internal links: the contents, every differing id in the side-by-side table and in the shifts.
    const doc = await PDFDocument.load(await readFile(file));
    let links = 0;
    for (const page of doc.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annot = annots!.lookup(i, PDFDict);
        if (annot.get(PDFName.of('Dest'))) links++;
      }
    }
    expect(links).toBeGreaterThanOrEqual(differing + zh.summary.responsibilityShifts.length);
    // The contents carry page numbers.
    expect(pages[1]).toMatch(new RegExp(`1 ${L.summary}[ .]*2`));
  });

  it('writes a workbook: a summary table, no empty sheets, status colours as conditional formatting', async () => {
    const L = compareLabels('zh');
    const workbook = await readWorkbook(join(zhOut, 'comparison.xlsx'));
    // Different clusters: nothing is tracked over time, so there is no Objects sheet.
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      L.sheetSummary,
      L.sheetComparison,
      L.sheetDifferences,
      L.sheetShifts,
    ]);
    const summary = workbook.getWorksheet(L.sheetSummary)!;
    expect(headerOf(summary).slice(1)).toEqual([
      L.item,
      `${L.baseline}: aks-payments-prod (2026-11-20)`,
      `${L.sideN.replace('{n}', '2')}: kubeadm-lab (2026-11-20)`,
    ]);
    expect(summary.rowCount).toBeLessThan(30);
    expect(summary.getRow(2).values).toEqual([undefined, L.cluster, 'aks-payments-prod', 'kubeadm-lab']);
    const shifts = workbook.getWorksheet(L.sheetShifts)!;
    expect(shifts.rowCount).toBe(zh.summary.responsibilityShifts.length + 1);
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
  });

  it('colours status and difference columns with conditional formatting rules (as the pack workbook does)', async () => {
    // exceljs reads conditional formatting back from the sheet XML only; read the XML directly.
    const { default: yauzl } = await import('yauzl');
    const xml = await new Promise<string>((resolve, reject) => {
      yauzl.open(join(zhOut, 'comparison.xlsx'), { lazyEntries: true }, (error, zip) => {
        if (error) return reject(error);
        zip.readEntry();
        zip.on('entry', (entry: { fileName: string }) => {
          if (entry.fileName !== 'xl/worksheets/sheet2.xml') return zip.readEntry();
          zip.openReadStream(entry as never, (e, stream) => {
            if (e) return reject(e);
            const chunks: Buffer[] = [];
            stream.on('data', (c: Buffer) => chunks.push(c));
            stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          });
        });
      });
    });
    // Two status columns (one per side) and one class column: a rule per status and per class.
    expect(xml.match(/<conditionalFormatting /g)).toHaveLength(3);
    expect(xml).toContain('&quot;不通过&quot;');
    expect(xml).toContain(`&quot;${CLASS_LABELS.remapped.zh}&quot;`);
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
