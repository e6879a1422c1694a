// Byte values of JSON's structural characters, and the end of a string in a UTF-8 buffer, for the streaming readers.

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;

/** JSON whitespace: space, tab, line feed, carriage return. */
export function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index of the quote that ends a string whose text starts at `from` (one not escaped by a backslash), or -1. */
export function closingQuote(buf: Buffer, from: number): number {
  let at = buf.indexOf(QUOTE, from);
  while (at > 0 && buf[at - 1] === BACKSLASH) {
    let slashes = 0;
    for (let k = at - 1; buf[k] === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) break;
    at = buf.indexOf(QUOTE, at + 1);
  }
  return at;
}
