// End to end: `report` on each sample writes a PDF, a workbook and assessment.json that agree with each other.
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { STATUS_LABELS } from '../../src/model/status.js';
import { labels } from '../../src/render/labels.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf-text.js';

describe.each([
  ['aks-prod', 'aks', 'zh', 'aks-payments-prod'],
  ['kubeadm-lab', 'kubeadm', 'en', 'kubeadm-lab'],
] as const)('report on samples/%s (%s, %s)', (sample, profile, lang, clusterName) => {
  let out: string;
  let run: CliResult;
  let assessment: Assessment;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'ke-report-'));
    run = await runCli([
      'report',
      '--snapshot',
      `samples/${sample}`,
      '--profile',
      profile,
      '--framework',
      'cis-kubernetes-1.11.1',
      '--out',
      out,
      '--lang',
      lang,
    ]);
    assessment = JSON.parse(await readFile(join(out, 'assessment.json'), 'utf8')) as Assessment;
  }, 120_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('exits 1 because automated requirements failed (the samples have real problems)', () => {
    expect(run.stderr).not.toContain('unexpected error');
    expect(run.code).toBe(1);
  });

  it('writes an assessment.json with one result per requirement', () => {
    expect(assessment.schema).toBe('kube-evidence/assessment');
    expect(assessment.cluster.name).toBe(clusterName);
    expect(assessment.results.length).toBeGreaterThan(0);
  });

  it('writes a PDF holding the cluster name and every requirement id', () => {
    // Layout may wrap a heading over two lines: compare with white space folded.
    const text = pdfText(join(out, 'report.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain(clusterName);
    for (const result of assessment.results) expect(text).toContain(result.id);
    if (lang === 'zh') {
      expect(text).toContain(labels('zh').reportTitle);
      expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
    } else {
      expect(text).toContain(labels('en').reportTitle);
    }
  });

  it('writes a workbook whose Results sheet has one row per requirement, statuses matching the JSON', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'report.xlsx'));
    const L = labels(lang);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([L.sheetSummary, L.sheetResults]),
    );
    const sheet = workbook.getWorksheet(L.sheetResults)!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const idCol = header.indexOf(L.id);
    const statusCol = header.indexOf(L.status);
    expect(idCol).toBeGreaterThan(0);
    expect(statusCol).toBeGreaterThan(0);
    const rows: [string, string][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) rows.push([String(row.getCell(idCol).value), String(row.getCell(statusCol).value)]);
    });
    expect(rows.length).toBe(assessment.results.length);
    expect(rows).toEqual(assessment.results.map((r) => [r.id, STATUS_LABELS[r.status][lang]]));
  });
});
