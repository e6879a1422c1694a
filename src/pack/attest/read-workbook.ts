// Reads the auditor's verdicts back from a reviewed workbook's Results sheet, and checks the workbook still matches the assessment.
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { REVIEW_VERDICTS, type Assessment, type ReviewVerdict } from '../../model/assessment.js';
import { STATUS_LABELS } from '../../model/status.js';
import { LANGS, type Lang } from '../../model/text.js';
import { attestLabels } from '../../render/attest-labels.js';
import { labels } from '../../render/labels.js';
import { InputError } from '../../util/errors.js';

/** One row of the Results sheet as the auditor left it. */
export interface WorkbookRow {
  /** Spreadsheet row number (1 is the header). */
  row: number;
  id: string;
  status: string;
  verdict: string;
  reviewer: string;
  /** The review date as entered: a Date cell, or text. */
  date: Date | string | number | undefined;
  comment: string;
}

export interface ReviewedWorkbook {
  file: string;
  /** The document id on the About sheet: the SHA-256 of the assessment.json the workbook was made from. */
  documentId: string;
  rows: WorkbookRow[];
}

export interface ReadVerdict {
  index: number;
  verdict: ReviewVerdict;
  reviewer: string;
  date: string;
  comment?: string;
}

/** The workbook's cell as plain text, whatever exceljs made of it (rich text, link, formula result, number). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return '';
}

const everyLang = <T>(f: (lang: Lang) => T): T[] => LANGS.map(f);

export async function readReviewedWorkbook(file: string): Promise<ReviewedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw InputError.at(file, undefined, `not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const name = basename(file);
  const sheetNamed = (names: string[]) => workbook.worksheets.find((s) => names.includes(s.name));
  const results = sheetNamed(everyLang((l) => labels(l).sheetResults));
  if (!results) throw InputError.at(name, undefined, 'no Results sheet (is this a kube-evidence workbook?)');
  const about = sheetNamed(everyLang((l) => labels(l).sheetAbout));
  if (!about) throw InputError.at(name, undefined, 'no About sheet carrying the document identifier');

  let documentId = '';
  const idLabels = everyLang((l) => labels(l).documentId);
  about.eachRow((row) => {
    const value = cellText(row.getCell(2).value);
    if (!documentId && idLabels.includes(cellText(row.getCell(1).value)) && /^[0-9a-f]{64}$/.test(value))
      documentId = value;
  });
  if (!documentId)
    throw InputError.at(
      name,
      `${about.name}: ${labels('en').documentId}`,
      'missing: the workbook must carry the document identifier its pack printed',
    );

  const header = results.getRow(1);
  const columns = new Map<string, number>();
  header.eachCell((cell, column) => columns.set(cellText(cell.value), column));
  const find = (key: string, names: string[], required: boolean): number | undefined => {
    const column = names.map((n) => columns.get(n)).find((c) => c !== undefined);
    if (column === undefined && required)
      throw InputError.at(name, `${results.name} row 1`, `no "${names.join('" or "')}" column (${key})`);
    return column;
  };
  const col = {
    id: find(
      'id',
      everyLang((l) => labels(l).id),
      true,
    )!,
    status: find(
      'status',
      everyLang((l) => labels(l).status),
      true,
    )!,
    verdict: find(
      'verdict',
      everyLang((l) => labels(l).auditorVerdict),
      true,
    )!,
    comment: find(
      'comment',
      everyLang((l) => labels(l).auditorComment),
      false,
    ),
    reviewer: find(
      'reviewer',
      everyLang((l) => attestLabels(l).reviewer),
      false,
    ),
    date: find(
      'review date',
      everyLang((l) => attestLabels(l).reviewDate),
      false,
    ),
  };
  const rows: WorkbookRow[] = [];
  results.eachRow((row, number) => {
    if (number === 1) return;
    const get = (c: number | undefined) => (c === undefined ? '' : cellText(row.getCell(c).value));
    const raw = col.date === undefined ? undefined : row.getCell(col.date).value;
    rows.push({
      row: number,
      id: get(col.id),
      status: get(col.status),
      verdict: get(col.verdict),
      reviewer: get(col.reviewer),
      date:
        raw instanceof Date || typeof raw === 'number' || typeof raw === 'string'
          ? raw
          : get(col.date) || undefined,
      comment: get(col.comment),
    });
  });
  return { file: name, documentId, rows };
}

/**
 * The verdicts of a workbook whose rows are the assessment's results, in order, with the same id and status;
 * anything else is refused with the row and field at fault.
 */
export function verdictsFor(
  workbook: ReviewedWorkbook,
  assessment: Assessment,
  sheet = 'Results',
): ReadVerdict[] {
  const at = (row: number, field: string) => `${sheet} row ${row}, ${field}`;
  const rows = workbook.rows.filter(
    (r) => r.id || r.status || r.verdict || r.reviewer || r.comment || r.date,
  );
  const verdictNames = new Map<string, ReviewVerdict>();
  for (const lang of LANGS) {
    const L = labels(lang);
    verdictNames.set(L.verdictAgree, 'agree');
    verdictNames.set(L.verdictDisagree, 'disagree');
    verdictNames.set(L.verdictNeedsInfo, 'needs-information');
    for (const v of REVIEW_VERDICTS) verdictNames.set(v, v);
  }
  const notReviewed = new Set(everyLang((l) => labels(l).verdictNotReviewed));
  if (rows.length !== assessment.results.length) {
    const extra = rows[assessment.results.length];
    throw InputError.at(
      workbook.file,
      extra ? at(extra.row, 'ID') : sheet,
      `the workbook has ${rows.length} results, the pack ${assessment.results.length}: it no longer matches the pack`,
    );
  }
  const verdicts: ReadVerdict[] = [];
  assessment.results.forEach((result, index) => {
    const row = rows[index]!;
    if (row.id !== result.id)
      throw InputError.at(
        workbook.file,
        at(row.row, 'ID'),
        `"${row.id}" where the pack has "${result.id}": the workbook no longer matches the pack`,
      );
    const statuses = everyLang((l) => STATUS_LABELS[result.status][l]);
    if (!statuses.includes(row.status) && row.status !== result.status)
      throw InputError.at(
        workbook.file,
        at(row.row, 'Status'),
        `"${row.status}" where the pack has "${statuses.join('" / "')}" for ${result.id}: the workbook no longer matches the pack`,
      );
    if (!row.verdict || notReviewed.has(row.verdict)) return;
    const verdict = verdictNames.get(row.verdict);
    if (!verdict)
      throw InputError.at(
        workbook.file,
        at(row.row, 'Auditor verdict'),
        `"${row.verdict}" is not one of the drop-down's verdicts (${[...verdictNames.keys()].join(', ')})`,
      );
    if (!row.reviewer)
      throw InputError.at(
        workbook.file,
        at(row.row, 'Reviewer'),
        `a verdict on ${result.id} needs the reviewer's name`,
      );
    verdicts.push({
      index,
      verdict,
      reviewer: row.reviewer,
      date: reviewDate(row.date, workbook.file, at(row.row, 'Review date'), result.id),
      ...(row.comment ? { comment: row.comment } : {}),
    });
  });
  return verdicts;
}

/** A review date as YYYY-MM-DD: a date cell, an Excel serial number, or text written YYYY-MM-DD. */
function reviewDate(value: WorkbookRow['date'], file: string, field: string, id: string): string {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number')
    date = new Date(Date.UTC(1899, 11, 30) + Math.round(value * 86_400_000));
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()))
    date = new Date(`${value.trim()}T00:00:00Z`);
  if (!value) throw InputError.at(file, field, `a verdict on ${id} needs the review date`);
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000)
    throw InputError.at(file, field, `expected a date (YYYY-MM-DD), found "${String(value)}"`);
  return date.toISOString().slice(0, 10);
}
