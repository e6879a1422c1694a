// Results sheet: one row per requirement, linked to its Findings and Evidence rows, with the auditor's verdict and comment.
import type { Assessment } from '../../model/assessment.js';
import { STATUSES, STATUS_LABELS, type Status } from '../../model/status.js';
import { pick, type Lang } from '../../model/text.js';
import { labels } from '../labels.js';
import { attestLabels, verdictLabel } from '../attest-labels.js';
import { resultRow } from '../view-model.js';
import type { RowPlan } from './plan.js';
import {
  columnLetter,
  dateValidation,
  internalLink,
  LINK_FONT,
  setupTable,
  sheetOptions,
  statusFormatting,
  text,
  verdictValidation,
  type Column,
} from './sheet-kit.js';
import type { WorkbookWriter } from './types.js';

export function verdictChoices(lang: Lang): string[] {
  const L = labels(lang);
  return [L.verdictAgree, L.verdictDisagree, L.verdictNeedsInfo, L.verdictNotReviewed];
}

export function statusLabels(lang: Lang): Record<Status, string> {
  return Object.fromEntries(STATUSES.map((s) => [s, pick(STATUS_LABELS[s], lang)])) as Record<Status, string>;
}

export function writeResultsSheet(
  workbook: WorkbookWriter,
  assessment: Assessment,
  lang: Lang,
  plan: RowPlan,
): void {
  const L = labels(lang);
  const A = attestLabels(lang);
  const sheet = workbook.addWorksheet(L.sheetResults, sheetOptions());
  const columns: Column[] = [
    { header: L.id, key: 'id', width: 10 },
    { header: L.section, key: 'section', width: 22, wrap: true },
    { header: L.title, key: 'title', width: 48, wrap: true },
    { header: L.level, key: 'level', width: 7 },
    { header: L.assessment, key: 'assessment', width: 10 },
    // CIS has no shall/should: an always-empty column is hidden rather than shown.
    {
      header: L.strength,
      key: 'strength',
      width: 8,
      hidden: !assessment.results.some((r) => r.strength),
    },
    { header: L.mapping, key: 'mapping', width: 16 },
    { header: L.mappingReason, key: 'mappingReason', width: 40, wrap: true },
    { header: L.responsibility, key: 'responsibility', width: 12 },
    { header: L.status, key: 'status', width: 15 },
    { header: L.deviation, key: 'deviation', width: 30, wrap: true },
    { header: L.publishedResult, key: 'published', width: 22, wrap: true },
    { header: L.evidenceSummary, key: 'evidence', width: 60, wrap: true },
    { header: L.findings, key: 'findings', width: 13 },
    { header: L.evidence, key: 'evidenceLink', width: 13 },
    { header: L.remediation, key: 'remediation', width: 50, wrap: true },
    { header: L.waiver, key: 'waiver', width: 30, wrap: true },
    { header: L.auditorVerdict, key: 'verdict', width: 16 },
    { header: L.auditorComment, key: 'comment', width: 40, wrap: true },
    // Read back by `attest` with the verdict and comment (src/pack/attest/read-workbook.ts).
    { header: A.reviewer, key: 'reviewer', width: 20 },
    { header: A.reviewDate, key: 'reviewDate', width: 13, numFmt: 'yyyy-mm-dd' },
  ];
  setupTable(sheet, columns);
  assessment.results.forEach((result, i) => {
    const row = resultRow(result, assessment, lang);
    const findingsRow = plan.findings[i];
    const evidenceRow = plan.evidence[i];
    const added = sheet.addRow({
      id: text(row.id),
      section: text(`${row.section} ${row.sectionTitle}`.trim()),
      title: text(row.title),
      level: row.level,
      assessment: row.assessment,
      strength: row.strength,
      mapping: row.mapping,
      mappingReason: text(row.mappingReason),
      responsibility: row.responsibility,
      status: row.statusLabel,
      deviation: text(row.deviation),
      published: text(row.publishedSource ? `${row.published} (${row.publishedSource})` : ''),
      evidence: text([row.reason, row.evidenceSummary].filter(Boolean).join('\n')),
      findings: findingsRow
        ? internalLink(L.sheetFindings, findingsRow, L.findingsLink.replace('{n}', String(row.offenderCount)))
        : row.offenderCount,
      evidenceLink: evidenceRow
        ? internalLink(
            L.sheetEvidence,
            evidenceRow,
            L.evidenceLink.replace('{n}', String(row.evidence.length)),
          )
        : 0,
      remediation: text(row.remediation || row.procedure),
      waiver: text(row.waiver),
      verdict: result.review ? verdictLabel(result.review.verdict, lang) : '',
      comment: text(result.review?.comment),
      reviewer: text(result.review?.reviewer),
      reviewDate: result.review ? new Date(`${result.review.date}T00:00:00Z`) : '',
    });
    if (result.review) added.getCell('reviewDate').numFmt = 'yyyy-mm-dd';
    if (findingsRow) added.getCell('findings').font = LINK_FONT;
    if (evidenceRow) added.getCell('evidenceLink').font = LINK_FONT;
    added.commit();
  });
  const lastRow = assessment.results.length + 1;
  statusFormatting(sheet, columnLetter(columns, 'status'), lastRow, statusLabels(lang));
  verdictValidation(sheet, columnLetter(columns, 'verdict'), lastRow, verdictChoices(lang), L.auditorVerdict);
  dateValidation(sheet, columnLetter(columns, 'reviewDate'), lastRow, A.reviewDate, A.reviewDatePrompt);
  sheet.commit();
}
