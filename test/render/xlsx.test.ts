// The auditor's workbook read back with exceljs: sheets, frozen panes, filters, validation, links, formula neutralisation, row counts.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { safeCell } from '../../src/render/cell-text.js';
import { labels } from '../../src/render/labels.js';
import { writeWorkbook } from '../../src/render/xlsx.js';
import { sampleAssessment, tempDir } from './sample.js';

const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+2',
  '-3',
  '@SUM(A1)',
  '\tindent',
  '\rreturn',
];

let assessment: Assessment;
let book: ExcelJS.Workbook;
const L = labels('zh');

beforeAll(async () => {
  assessment = await sampleAssessment();
  const target = assessment.results.find((r) => r.evidence.length > 0) ?? assessment.results[0]!;
  target.offenders = HOSTILE.map((name, i) => ({
    kind: 'Pod',
    namespace: 'ns',
    name,
    field: 'spec',
    value: i,
  }));
  target.offenderCount = target.offenders.length;
  target.evidence = [
    ...target.evidence,
    {
      source: 'kubernetes-api',
      path: '=cmd|calc',
      observed: '=1+1',
      expected: '@x',
      time: '2026-11-20T08:30:00Z',
    },
  ];
  assessment.waivers = [
    {
      id: 'W-1',
      target: { requirement: target.id },
      scope: { namespace: 'ns' },
      justification: '=bad',
      approver: 'A. Auditor',
      expires: '2020-01-01',
      state: 'expired',
      appliedTo: [],
    },
  ];
  assessment.results[1]!.deviation = {
    zh: '本产品比标准更严格',
    en: 'The product is stricter than the standard',
  };
  const file = join(await tempDir('xlsx'), 'report.xlsx');
  await writeWorkbook(assessment, file, 'zh');
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
});

describe('workbook', () => {
  it('has the seven localised sheets, in order', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      L.sheetSummary,
      L.sheetResults,
      L.sheetFindings,
      L.sheetEvidence,
      L.sheetWaivers,
      L.sheetManual,
      L.sheetAbout,
    ]);
  });

  it('freezes the header row and filters every table', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });

  it('has one Results row per requirement with its status, and one Findings/Evidence row per offender/fact', () => {
    const results = book.getWorksheet(L.sheetResults)!;
    expect(results.actualRowCount).toBe(assessment.results.length + 1);
    const statusLabels: Record<string, string> = {
      pass: '通过',
      fail: '不通过',
      'not-applicable': '不适用',
      'equivalent-control': '等效控制',
      'provider-attested': '提供商证明',
      manual: '人工核查',
      waived: '已豁免',
      error: '采集错误',
    };
    assessment.results.forEach((r, i) => {
      expect(results.getCell(i + 2, 1).value).toBe(r.id);
      expect(results.getCell(i + 2, 10).value).toBe(statusLabels[r.status]);
    });
    const offenders = assessment.results.reduce((n, r) => n + r.offenders.length, 0);
    const evidence = assessment.results.reduce((n, r) => n + r.evidence.length, 0);
    expect(book.getWorksheet(L.sheetFindings)!.actualRowCount).toBe(offenders + 1);
    expect(book.getWorksheet(L.sheetEvidence)!.actualRowCount).toBe(evidence + 1);
    expect(book.getWorksheet(L.sheetManual)!.actualRowCount).toBe(
      assessment.results.filter((r) => r.status === 'manual').length + 1,
    );
  });

  it('offers a verdict drop-down and a comment column on Results', () => {
    const results = book.getWorksheet(L.sheetResults)!;
    const deviation = columnOf(results, L.deviation);
    // The deviation sits in the row of the result it affects, beside its status.
    expect(results.getCell(3, deviation).value).toBe('本产品比标准更严格');
    expect(results.getCell(2, deviation).value ?? '').toBe('');
    const verdict = columnOf(results, L.auditorVerdict);
    expect(results.getCell(1, verdict + 1).value).toBe(L.auditorComment);
    const validation = results.getCell(2, verdict).dataValidation;
    expect(validation.type).toBe('list');
    expect(validation.formulae[0]).toContain(L.verdictAgree);
  });

  it('colours the status column with conditional formatting rules', () => {
    const results = book.getWorksheet(L.sheetResults)! as ExcelJS.Worksheet & {
      conditionalFormattings: { ref: string; rules: { type: string }[] }[];
    };
    const rule = results.conditionalFormattings.find((cf) => cf.ref.startsWith('J2'));
    expect(rule?.rules.length).toBe(8);
    expect(rule?.rules.every((r) => r.type === 'cellIs')).toBe(true);
  });

  it('links Results to the first Findings row of the requirement', () => {
    const results = book.getWorksheet(L.sheetResults)!;
    const findings = book.getWorksheet(L.sheetFindings)!;
    const index = assessment.results.findIndex((r) => r.offenders.length > 0);
    const cell = results.getCell(index + 2, columnOf(results, L.findings)).value as ExcelJS.CellFormulaValue;
    const row = Number(/!A(\d+)"/.exec(cell.formula)![1]);
    expect(cell.formula).toContain(`'${L.sheetFindings}'`);
    expect(findings.getCell(row, 1).value).toBe(assessment.results[index]!.id);
  });

  it('neutralises text a spreadsheet would take as a formula', () => {
    const findings = book.getWorksheet(L.sheetFindings)!;
    const names: unknown[] = [];
    findings.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(5).value);
    });
    // XML keeps no bare CR, so compare with line breaks removed.
    const flat = (v: unknown) => String(v).replace(/[\r\n]/g, '');
    for (const hostile of HOSTILE) expect(names.map(flat)).toContain(flat(`'${hostile}`));
    for (const sheet of [findings, book.getWorksheet(L.sheetEvidence)!, book.getWorksheet(L.sheetWaivers)!]) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
  });

  it('flags an expired waiver in the register', () => {
    const waivers = book.getWorksheet(L.sheetWaivers)!;
    expect(waivers.getCell(2, 1).value).toBe('W-1');
    expect(waivers.getCell(2, 9).value).toBe(L.waiverExpired);
  });

  it('sets workbook properties', () => {
    expect(book.title).toContain('aks-payments-prod');
    expect(book.creator).toContain('kube-evidence');
    // The file format keeps whole seconds.
    expect(Math.floor(book.created!.getTime() / 1000)).toBe(
      Math.floor(Date.parse(assessment.generatedAt) / 1000),
    );
  });
});

describe('safeCell', () => {
  it('prefixes formula starters and leaves other text alone', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('-x')).toBe("'-x");
    expect(safeCell('pod-1')).toBe('pod-1');
    expect(safeCell('x'.repeat(40_000)).length).toBe(32_767);
  });
});

/** The column number of a header on a sheet's first row (columns move as the workbook grows). */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === header && !found) found = col;
  });
  expect(found, header).toBeGreaterThan(0);
  return found;
}
