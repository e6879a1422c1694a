// The exceljs streaming workbook type, named once for the sheet writers.
import type ExcelJS from 'exceljs';

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
