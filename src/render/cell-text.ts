// Neutralises text a spreadsheet would take as a formula (= + - @ tab CR), and bounds cell length.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Excel's hard limit on the characters of one cell. */
const MAX_CELL = 32_767;

export function safeCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
