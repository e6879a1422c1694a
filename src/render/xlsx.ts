// The auditor's workbook (exceljs streaming writer): Summary, Results, Findings, Evidence, Waivers, Manual checklist, About.
import ExcelJS from 'exceljs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Assessment } from '../model/assessment.js';
import { pick, type Lang } from '../model/text.js';
import type { FileHash } from '../pack/hash.js';
import { tempPathFor } from '../util/fs.js';
import { labels } from './labels.js';
import { assessmentDigest } from './json.js';
import { writeAboutSheet } from './xlsx/about-sheet.js';
import { writeEvidenceSheet, writeFindingsSheet } from './xlsx/detail-sheets.js';
import { planRows } from './xlsx/plan.js';
import { writeManualSheet, writeWaiversSheet } from './xlsx/register-sheets.js';
import { writeResultsSheet } from './xlsx/results-sheet.js';
import { writeSummarySheet } from './xlsx/summary-sheet.js';

export { STATUS_FILL } from './status-colors.js';

export interface WorkbookContext {
  documentId?: string;
  /** Pack files written before the workbook, listed on the About sheet. */
  files?: FileHash[];
}

export async function writeWorkbook(
  assessment: Assessment,
  file: string,
  lang: Lang,
  context: WorkbookContext = {},
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    await writeTo(temp, assessment, lang, context);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeTo(
  file: string,
  assessment: Assessment,
  lang: Lang,
  context: WorkbookContext,
): Promise<void> {
  const L = labels(lang);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const framework = pick(assessment.framework.title, lang);
  workbook.creator = `${assessment.tool.name} ${assessment.tool.version}`;
  workbook.lastModifiedBy = workbook.creator;
  workbook.title = `${L.reportTitle} — ${assessment.cluster.name} — ${framework}`;
  workbook.subject = `${framework} / ${pick(assessment.profile.title, lang)}`;
  workbook.keywords = [assessment.framework.id, assessment.profile.id, assessment.cluster.name].join(' ');
  workbook.created = new Date(assessment.generatedAt);
  workbook.modified = new Date(assessment.generatedAt);

  // Sheets are written one after the other and committed, so only one is ever buffered.
  const plan = planRows(assessment);
  writeSummarySheet(workbook, assessment, lang);
  writeResultsSheet(workbook, assessment, lang, plan);
  await writeFindingsSheet(workbook, assessment, lang);
  await writeEvidenceSheet(workbook, assessment, lang);
  writeWaiversSheet(workbook, assessment, lang);
  writeManualSheet(workbook, assessment, lang);
  writeAboutSheet(
    workbook,
    assessment,
    lang,
    context.documentId ?? assessmentDigest(assessment),
    context.files ?? [],
  );
  await workbook.commit();
}
