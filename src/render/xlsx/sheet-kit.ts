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
}

/** Frozen first row, header styled, columns sized, autofilter over the header. */
export function sheetOptions(): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'A2' }],
    properties: { defaultRowHeight: 15 } as ExcelJS.WorksheetProperties,
  };
}

export function setupTable(sheet: Sheet, columns: Column[]): void {
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: { alignment: { vertical: 'top', wrapText: c.wrap ?? false } },
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

/** A link to a cell of another sheet of this workbook, as a HYPERLINK formula (works in Excel and LibreOffice). */
export function internalLink(sheetName: string, row: number, label: string): ExcelJS.CellFormulaValue {
  const target = `#'${sheetName.replace(/'/g, "''")}'!A${row}`;
  return { formula: `HYPERLINK("${target}","${label.replace(/"/g, '""')}")`, result: label, date1904: false };
}

export const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
