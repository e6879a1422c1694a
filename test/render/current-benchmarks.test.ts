// CIS AKS v1.8.0 and AKS security practices render in both languages: the PDF read back with pdftotext, the workbook with exceljs.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { labels } from '../../src/render/labels.js';
import { renderReportHtml, writePdf } from '../../src/render/pdf.js';
import { writeWorkbook } from '../../src/render/xlsx.js';
import { pdfText, sampleAssessment, tempDir } from './sample.js';

describe.each([
  ['cis-aks-1.8.0', 'zh'],
  ['aks-security-practices', 'en'],
] as const)('%s in %s', (framework, lang) => {
  let assessment: Assessment;
  let dir: string;
  const L = labels(lang);

  beforeAll(async () => {
    assessment = await sampleAssessment(framework);
    dir = await tempDir(`current-${framework}`);
  });

  it('prints every requirement, the ARM settings and the framework choice', async () => {
    // One real print per framework (Chromium is slow on a loaded machine); the other language is checked in the HTML.
    const file = join(dir, 'report.pdf');
    await writePdf(assessment, file, lang);
    const text = pdfText(file).replace(/\s+/g, ' ');
    const other = lang === 'zh' ? 'en' : 'zh';
    const html = await renderReportHtml(assessment, other);
    expect(html).toContain(labels(other).configurationHeading);
    for (const result of assessment.results) expect(html).toContain(result.id);
    for (const result of assessment.results) expect(text).toContain(result.id);
    expect(text).toContain(L.configurationHeading);
    expect(text).toContain('securityProfile.defender.securityMonitoring.enabled');
    expect(text).toContain(L.frameworkChoiceHeading);
    if (lang === 'zh') expect(text).toContain('CIS Azure Kubernetes 服务（AKS）基准');
    else expect(text).toMatch(/support calendar as of \d{4}-\d{2}-\d{2}/);
  }, 180_000);

  it('writes a workbook with one result row per requirement and the ARM settings on the About sheet', async () => {
    const file = join(dir, 'report.xlsx');
    await writeWorkbook(assessment, file, lang);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet(L.sheetResults)!.rowCount).toBe(1 + assessment.results.length);
    const about: string[] = [];
    book.getWorksheet(L.sheetAbout)!.eachRow((row) => about.push(String(row.getCell(1).value)));
    expect(about).toContain(L.frameworkChoiceHeading);
    expect(about.some((k) => k.endsWith('agentPoolProfiles[apps].enableNodePublicIp'))).toBe(true);
  });
});
