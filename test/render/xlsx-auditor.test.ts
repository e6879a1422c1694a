// The auditor's workbook, read back with exceljs: the provider's published result, the manual procedures, the
// Strength column only where a framework has one, and print set-up (landscape, fit to width, header repeated).
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { labels } from '../../src/render/labels.js';
import { writeWorkbook } from '../../src/render/xlsx.js';
import { sampleAssessment, tempDir } from './sample.js';

const L = labels('en');
const books: Record<string, ExcelJS.Workbook> = {};
const assessments: Record<string, Assessment> = {};

beforeAll(async () => {
  const dir = await tempDir('xlsx-auditor');
  for (const framework of ['cis-kubernetes-1.11.1', 'q-kxy-cs001-2023']) {
    assessments[framework] = await sampleAssessment(framework);
    const file = join(dir, `${framework}.xlsx`);
    await writeWorkbook(assessments[framework], file, 'en');
    books[framework] = new ExcelJS.Workbook();
    await books[framework].xlsx.readFile(file);
  }
});

/** Header name → column number on a sheet's first row. */
function headerIndex(sheet: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
}

describe('auditor workbook', () => {
  it('shows the provider published result in its own column, fails included', () => {
    const sheet = books['cis-kubernetes-1.11.1']!.getWorksheet(L.sheetResults)!;
    const col = headerIndex(sheet);
    const published = col.get(L.publishedResult)!;
    expect(published).toBeGreaterThan(0);
    const byId = new Map<string, string>();
    sheet.eachRow((row, n) => {
      if (n > 1) byId.set(String(row.getCell(1).value), String(row.getCell(published).value ?? ''));
    });
    // The five rows Microsoft publishes as fail for AKS.
    for (const id of ['1.2.2', '1.2.3', '1.2.5', '1.2.9', '1.2.11'])
      expect(byId.get(id), id).toMatch(/^Fail \(ms-aks-cis-1\.11\.1\)$/);
    const withPublished = assessments['cis-kubernetes-1.11.1']!.results.filter((r) => r.mapping.published);
    expect([...byId.values()].filter(Boolean)).toHaveLength(withPublished.length);
  });

  it('fills the Procedure column of every manual checklist row', () => {
    const sheet = books['cis-kubernetes-1.11.1']!.getWorksheet(L.sheetManual)!;
    const procedure = headerIndex(sheet).get(L.procedure)!;
    const rows: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(String(row.getCell(procedure).value ?? ''));
    });
    expect(rows.length).toBe(
      assessments['cis-kubernetes-1.11.1']!.results.filter((r) => r.status === 'manual').length,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const text of rows) expect(text.length).toBeGreaterThan(20);
  });

  it('hides the Strength column where the framework has none, shows it where it has', () => {
    const strengthHidden = (framework: string) => {
      const sheet = books[framework]!.getWorksheet(L.sheetResults)!;
      return sheet.getColumn(headerIndex(sheet).get(L.strength)!).hidden;
    };
    expect(strengthHidden('cis-kubernetes-1.11.1')).toBe(true);
    expect(strengthHidden('q-kxy-cs001-2023')).toBe(false);
  });

  it('prints every sheet landscape, fitted to one page wide, with the header row repeated', () => {
    for (const book of Object.values(books)) {
      expect(book.worksheets.length).toBeGreaterThanOrEqual(7);
      for (const sheet of book.worksheets) {
        expect(sheet.pageSetup, sheet.name).toMatchObject({
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          paperSize: 9,
          printTitlesRow: '1:1',
        });
      }
    }
  });
});
