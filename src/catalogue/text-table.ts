// Plain-text tables and CSV for the catalogue commands: columns padded by display width (CJK counts double).
import { safeCell } from '../render/cell-text.js';

/** Display width in a terminal: East Asian wide and full-width characters take two cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/**
 * Aligned columns; the last column is not padded, so long titles do not push trailing spaces. With
 * `maxWidth` (a terminal's width) the widest columns are narrowed until the table fits and their cells wrap
 * onto continuation lines, at spaces where there are any.
 */
export function textTable(header: string[], rows: string[][], maxWidth?: number): string {
  const all = [header, ...rows];
  const natural = header.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i] ?? ''))));
  const widths = maxWidth ? fitWidths(natural, header, rows, maxWidth) : natural;
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  const wrapped = (row: string[]) => {
    const cells = row.map((cell, i) => wrapText(cell, widths[i]!));
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => line(cells.map((c) => c[k] ?? '')));
  };
  return (
    [...wrapped(header), line(widths.map((w) => '-'.repeat(w))), ...rows.flatMap(wrapped)].join('\n') + '\n'
  );
}

/**
 * Narrows the widest column, one cell at a time, until the row fits. A column keeps its header and its
 * longest word (ids, paths) whole, unless that word alone is wider than a third of the line.
 */
function fitWidths(natural: number[], header: string[], rows: string[][], maxWidth: number): number[] {
  const widths = [...natural];
  const longestWord = (i: number) =>
    Math.max(0, ...rows.flatMap((row) => (row[i] ?? '').split(' ').map(displayWidth)));
  const wordFloor = header.map((h, i) =>
    Math.min(natural[i]!, Math.max(6, displayWidth(h), Math.min(longestWord(i), Math.floor(maxWidth / 3)))),
  );
  const headerFloor = header.map((h, i) => Math.min(natural[i]!, Math.max(6, displayWidth(h))));
  // The first column names the row (a check or requirement id): it is the last to be cut.
  const keyFloor = wordFloor.map((w, i) => (i === 0 ? w : headerFloor[i]!));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  // Words are cut only when narrowing every column to its longest word was not enough.
  for (const floor of [wordFloor, keyFloor, headerFloor]) {
    while (total() > maxWidth) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++)
        if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      if (widest < 0) break;
      widths[widest]! -= 1;
    }
  }
  return widths;
}

/** Lines of at most `width` display cells: words kept whole where they fit, longer ones cut. */
export function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/(?<= )/u)) {
    if (displayWidth(current + word.trimEnd()) <= width) {
      current += word;
      continue;
    }
    if (current.trim()) lines.push(current.trimEnd());
    current = '';
    // A word longer than the column (or CJK text without spaces) is cut by display width.
    for (const ch of word) {
      if (displayWidth(current + ch) > width) {
        lines.push(current.trimEnd());
        current = '';
      }
      current += ch;
    }
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}

/** The width to wrap tables to: the terminal's, or COLUMNS when set; undefined (no wrapping) otherwise. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number | undefined {
  if (stream.isTTY && stream.columns) return stream.columns;
  const columns = Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns > 20 ? columns : undefined;
}

/** RFC 4180 CSV; cells are neutralised first because CSV files are usually opened in a spreadsheet. */
export function csv(header: string[], rows: string[][]): string {
  const cell = (value: string) => {
    const safe = safeCell(value);
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
