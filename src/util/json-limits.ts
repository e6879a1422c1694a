// Bounds on JSON read from files and servers (nesting depth, string length) and parse errors that give positions, never content.
import { InputError } from './errors.js';

/** Deeper than any Kubernetes object or CRD schema; deep enough nesting would overflow the stack of anything that walks it. */
export const MAX_JSON_DEPTH = 512;
/** Longest string accepted: an object in etcd is at most about 1.5 MB, so a longer name or value is not real. */
export const MAX_JSON_STRING = 4 * 1024 * 1024;

/** "line 3, column 14" for a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * Refuses JSON text that nests deeper than MAX_JSON_DEPTH or holds a string longer than MAX_JSON_STRING,
 * before it is parsed. One pass; strings are skipped with indexOf.
 */
export function checkJsonLimits(text: string, file: string, field?: string): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = closingQuote(text, i + 1);
      if (end < 0) return; // unterminated: JSON.parse reports it with its position
      if (end - i - 1 > MAX_JSON_STRING)
        throw limitError(text, i, file, field, `holds a string longer than ${MAX_JSON_STRING} characters`);
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH)
        throw limitError(text, i, file, field, `nests deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

function limitError(
  text: string,
  at: number,
  file: string,
  field: string | undefined,
  what: string,
): InputError {
  const { line, column } = lineAndColumn(text, at);
  return InputError.at(`${file}:${line}:${column}`, field, `${what}; refused`);
}

function closingQuote(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at > 0) {
    let slashes = 0;
    for (let k = at - 1; text.charCodeAt(k) === 0x5c; k--) slashes++;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return at;
}

/**
 * What was wrong, without any of the text: V8's "Unexpected token 'S', …"password":SUPERSECRE"…" quotes the
 * input, so only its descriptive part is kept, and the position is found by our own scan when V8 gives none.
 */
export function describeJsonError(text: string, error: unknown): { offset?: number; what: string } {
  const message = error instanceof Error ? error.message : String(error);
  const at = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (at) return { offset: Number(at[2]), what: at[1]!.toLowerCase() };
  if (/^Unexpected end of JSON input/.test(message))
    return { offset: text.length, what: 'unexpected end of data' };
  const offset = locateJsonError(text);
  return { offset, what: 'unexpected character' };
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Offset of the first character that cannot continue a JSON text (a small validator, used only to place an
 * error that V8 reported without a position). Returns undefined when it finds nothing wrong.
 */
export function locateJsonError(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  // Stack of open containers: 'o' object, 'a' array. `expect` is what may come next.
  const stack: string[] = [];
  type Expect = 'value' | 'key' | 'colon' | 'after' | 'end' | 'value-or-close' | 'key-or-close';
  let expect: Expect = 'value';
  const skipWs = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  while (true) {
    skipWs();
    if (i >= n) return expect === 'end' ? undefined : n;
    const c = text[i]!;
    if (expect === 'end') return i;
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (c === ',') {
        i++;
        expect = top === 'o' ? 'key' : 'value';
      } else if ((c === '}' && top === 'o') || (c === ']' && top === 'a')) {
        i++;
        stack.pop();
        expect = stack.length ? 'after' : 'end';
      } else return i;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key-or-close') {
        i++;
        stack.pop();
        expect = stack.length ? 'after' : 'end';
        continue;
      }
      if (c !== '"') return i;
      const end = scanString(text, i);
      if (end < 0) return n;
      if (text[end] !== '"') return end;
      i = end + 1;
      expect = 'colon';
      continue;
    }
    // a value (or, just inside an array, its close)
    if (c === ']' && expect === 'value-or-close') {
      i++;
      stack.pop();
      expect = stack.length ? 'after' : 'end';
      continue;
    }
    if (c === '{') {
      stack.push('o');
      i++;
      expect = 'key-or-close';
    } else if (c === '[') {
      stack.push('a');
      i++;
      expect = 'value-or-close';
    } else if (c === '"') {
      const end = scanString(text, i);
      if (end < 0) return n;
      if (text[end] !== '"') return end;
      i = end + 1;
      expect = stack.length ? 'after' : 'end';
    } else {
      const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        text.slice(i, i + 400),
      );
      if (!literal) return i;
      i += literal[0].length;
      expect = stack.length ? 'after' : 'end';
    }
  }
}

/** Index of the closing quote of the string opening at `start`, the index of a bad character in it, or -1 at end of text. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i;
    if (c < 0x20) return i;
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === undefined) return -1;
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return i;
        i += 5;
      } else if ('"\\/bfnrt'.includes(next)) i++;
      else return i;
    }
  }
  return -1;
}
