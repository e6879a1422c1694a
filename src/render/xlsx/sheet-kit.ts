// Shared workbook pieces: styled header, frozen panes, autofilter, status colours, verdict drop-down, internal links.
import type ExcelJS from 'exceljs';
import { STATUSES, type Status } from '../../model/status.js';
import { STATUS_FILL, STATUS_TEXT } from '../status-colors.js';
import { safeCell } from '../cell-text.js';

export type Sheet = ExcelJS.Worksheet;

export interface Column {
  header: string;
  key: string;
  width: number;
  /** Long text: wrapped. */
  wrap?: boolean;
  /** Kept in the table but hidden (e.g. a column the framework has no values for). */
  hidden?: boolean;
  /** Number format of the column (e.g. a date column's yyyy-mm-dd). */
  numFmt?: string;
}

/**
 * Printing as an auditor prints a register: A4 landscape, every column on one page width (as many pages
 * down as needed), the header row repeated on each page.
 */
export const PRINT_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  horizontalCentered: false,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

/** Frozen first row and the print set-up; setupTable adds the header, widths and autofilter. */
export function sheetOptions(xSplit = 0): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', ySplit: 1, xSplit, activeCell: 'A2' }],
    properties: { defaultRowHeight: 15 } as ExcelJS.WorksheetProperties,
    pageSetup: { ...PRINT_SETUP },
    headerFooter: { oddFooter: '&L&A&R&P / &N', differentFirst: false, differentOddEven: false },
  };
}

/** The spreadsheet letter of a column, by its key. */
export function columnLetter(columns: Column[], key: string): string {
  const index = columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`no column ${key}`);
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function setupTable(sheet: Sheet, columns: Column[]): void {
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    hidden: c.hidden ?? false,
    style: {
      alignment: { vertical: 'top', wrapText: c.wrap ?? false },
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    },
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B3A66' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  header.commit();
}

/**
 * Commits a data row whose cells carry their column's style unchanged. Each new cell gets its own copy of that
 * style, which exceljs then renders to XML to find its style id: at 250,000 findings rows that is most of the
 * workbook's time. Given the column's own style object, it finds the id by identity instead. Same XML out.
 */
export function commitPlainRow(sheet: Sheet, row: ExcelJS.Row): void {
  row.eachCell((cell, col) => {
    cell.style = sheet.getColumn(col).style;
  });
  row.commit();
}

/** Text from the cluster or the catalogue: never taken as a formula, never over Excel's cell limit. */
export function text(value: string | undefined): string {
  return safeCell(value ?? '');
}

/** Real conditional-formatting rules on a status column, one per status label (not static fills). */
export function statusFormatting(
  sheet: Sheet,
  column: string,
  lastRow: number,
  statusLabels: Record<Status, string>,
): void {
  if (lastRow < 2) return;
  sheet.addConditionalFormatting({
    ref: `${column}2:${column}${lastRow}`,
    rules: STATUSES.map((status, i) => ({
      type: 'cellIs',
      operator: 'equal',
      priority: i + 1,
      formulae: [`"${statusLabels[status].replace(/"/g, '""')}"`],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: STATUS_FILL[status] } },
        font: { color: { argb: STATUS_TEXT[status] }, bold: true },
      },
    })),
  });
}

/** A drop-down list of verdicts on a column, for the rows of the table. */
export function verdictValidation(
  sheet: Sheet,
  column: string,
  lastRow: number,
  choices: string[],
  title: string,
): void {
  if (lastRow < 2) return;
  // Both writers have `dataValidations`; the typings only declare cell-level validation.
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add(`${column}2:${column}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: title,
    error: choices.join(' / '),
    showInputMessage: true,
    promptTitle: title,
    prompt: choices.join(' / '),
  });
}

/** Dates only (after 2000-01-01), for a column the auditor types review dates into. */
export function dateValidation(
  sheet: Sheet,
  column: string,
  lastRow: number,
  title: string,
  prompt: string,
): void {
  if (lastRow < 2) return;
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add(`${column}2:${column}${lastRow}`, {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: prompt,
    showInputMessage: true,
    promptTitle: title,
    prompt,
  });
}

/** A link to a cell of another sheet of this workbook, as a HYPERLINK formula (works in Excel and LibreOffice). */
export function internalLink(sheetName: string, row: number, label: string): ExcelJS.CellFormulaValue {
  const target = `#'${sheetName.replace(/'/g, "''")}'!A${row}`;
  return { formula: `HYPERLINK("${target}","${label.replace(/"/g, '""')}")`, result: label, date1904: false };
}

export const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
