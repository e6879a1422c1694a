// One colour per status, shared by the PDF (charts, badges) and the workbook (conditional formatting).
import type { Status } from '../model/status.js';

/** Strong colours for chart segments, as #rrggbb. */
export const STATUS_CHART_COLOR: Record<Status, string> = {
  pass: '#2e8b57',
  fail: '#c0392b',
  'not-applicable': '#a0a7b1',
  'equivalent-control': '#6a9f3a',
  'provider-attested': '#7459a8',
  manual: '#3f7cc0',
  waived: '#d98a35',
  error: '#d4a017',
};

/** Light fills for table cells (ARGB for exceljs). */
export const STATUS_FILL: Record<Status, string> = {
  pass: 'FFC6EFCE',
  fail: 'FFFFC7CE',
  error: 'FFFFEB9C',
  manual: 'FFDDEBF7',
  'not-applicable': 'FFEDEDED',
  'equivalent-control': 'FFE2EFDA',
  'provider-attested': 'FFE4DFEC',
  waived: 'FFFCE4D6',
};

/** Dark text on the light fills (ARGB). */
export const STATUS_TEXT: Record<Status, string> = {
  pass: 'FF0A5C1E',
  fail: 'FF8A0012',
  error: 'FF6B4B00',
  manual: 'FF1F4E79',
  'not-applicable': 'FF444444',
  'equivalent-control': 'FF375623',
  'provider-attested': 'FF4B2E83',
  waived: 'FF833C0C',
};
