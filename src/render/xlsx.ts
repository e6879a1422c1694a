// The auditor's workbook (exceljs streaming writer): a Summary sheet and a Results sheet, one row per requirement.
import ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Assessment } from '../model/assessment.js';
import { pick, type Lang } from '../model/text.js';
import { tempPathFor } from '../util/fs.js';
import { safeCell } from './cell-text.js';
import { labels } from './labels.js';
import { resultRow, statusCountRows } from './view-model.js';

export const STATUS_FILL: Record<string, string> = {
  pass: 'FFC6EFCE',
  fail: 'FFFFC7CE',
  error: 'FFFFEB9C',
  manual: 'FFDDEBF7',
  'not-applicable': 'FFEDEDED',
  'equivalent-control': 'FFE2EFDA',
  'provider-attested': 'FFE4DFEC',
  waived: 'FFFCE4D6',
};

export async function writeWorkbook(assessment: Assessment, file: string, lang: Lang): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    await writeTo(temp, assessment, lang);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeTo(file: string, assessment: Assessment, lang: Lang): Promise<void> {
  const L = labels(lang);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = `${assessment.tool.name} ${assessment.tool.version}`;
  workbook.title = `${L.reportTitle} — ${assessment.cluster.name}`;
  workbook.created = new Date(assessment.generatedAt);

  const summary = workbook.addWorksheet(L.sheetSummary, { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: L.title, key: 'k', width: 28 },
    { header: L.value, key: 'v', width: 60 },
  ];
  const facts: [string, string][] = [
    [L.cluster, assessment.cluster.name],
    [L.provider, pick(assessment.profile.title, lang)],
    [L.kubernetesVersion, assessment.cluster.kubernetesVersion ?? '—'],
    [L.framework, pick(assessment.framework.title, lang)],
    [L.collectedAt, assessment.collection.collectedAt],
    [L.generatedAt, assessment.generatedAt],
    [L.score, assessment.summary.score === null ? '—' : `${assessment.summary.score}%`],
    [L.total, String(assessment.summary.total)],
  ];
  summary.getRow(1).font = { bold: true };
  for (const [k, v] of facts) summary.addRow({ k, v: safeCell(v) }).commit();
  for (const row of statusCountRows(assessment.summary.counts, lang)) summary.addRow({ k: row.label, v: row.count }).commit();
  summary.commit();

  const results = workbook.addWorksheet(L.sheetResults, { views: [{ state: 'frozen', ySplit: 1 }] });
  results.columns = [
    { header: L.id, key: 'id', width: 10 },
    { header: L.section, key: 'section', width: 22 },
    { header: L.title, key: 'title', width: 50 },
    { header: L.level, key: 'level', width: 7 },
    { header: L.assessment, key: 'assessment', width: 10 },
    { header: L.strength, key: 'strength', width: 8 },
    { header: L.mapping, key: 'mapping', width: 16 },
    { header: L.reason, key: 'mappingReason', width: 40 },
    { header: L.responsibility, key: 'responsibility', width: 12 },
    { header: L.status, key: 'status', width: 14 },
    { header: L.evidence, key: 'evidence', width: 60 },
    { header: L.offenders, key: 'offenders', width: 10 },
    { header: L.remediation, key: 'remediation', width: 60 },
  ];
  results.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 13 } };
  const header = results.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const result of assessment.results) {
    const row = resultRow(result, assessment, lang);
    const added = results.addRow({
      id: row.id,
      section: safeCell(`${row.section} ${row.sectionTitle}`.trim()),
      title: safeCell(row.title),
      level: row.level,
      assessment: row.assessment,
      strength: row.strength,
      mapping: row.mapping,
      mappingReason: safeCell(row.mappingReason),
      responsibility: row.responsibility,
      status: row.statusLabel,
      evidence: safeCell([row.reason, row.evidenceSummary].filter(Boolean).join('\n')),
      offenders: row.offenderCount,
      remediation: safeCell(row.remediation || row.procedure),
    });
    added.alignment = { wrapText: true, vertical: 'top' };
    added.getCell('status').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[row.status] ?? 'FFFFFFFF' } };
    added.commit();
  }
  results.commit();
  await workbook.commit();
}
