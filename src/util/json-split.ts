// Reads a large JSON file in chunks, cutting chosen (nested) arrays into their elements, each parsed alone.
import { open, stat } from 'node:fs/promises';
import { InputError } from './errors.js';
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  closingQuote,
  COMMA,
  isJsonSpace,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes.js';
import { describeJsonError, MAX_JSON_DEPTH, MAX_JSON_STRING } from './json-limits.js';

/** Read size: large enough that the per-chunk cost vanishes, small enough to stay out of the way. */
const CHUNK = 8 * 1024 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

/** One element of a split array: `path` as given in the plan, `indices` its index in each split array on the way. */
export interface SplitItem {
  path: string;
  indices: number[];
  value: unknown;
}

export interface SplitLimits {
  /** Larger files are refused before a byte is read. */
  maxFileBytes: number;
  /** Largest element parsed whole (an element with no split array inside it). */
  maxItemBytes: number;
  /** Largest text kept of the document, or of one split element, outside the arrays split out of it. */
  maxSkeletonBytes: number;
  /** Read size (tests make it tiny so that every token straddles chunks). */
  chunkSize?: number;
}

/**
 * Reads `file` to the value JSON.parse would give, except that each array named in `paths` is handed out element
 * by element to `onItem` and left empty (`[]`) in what is returned. Paths are keys joined by dots, `[]` marking
 * a split array: `results[]` splits the top-level `results`, `results[].offenders[]` also splits each result's
 * `offenders` (its elements come before the result they belong to, which arrives with `offenders: []`).
 * Only one chunk, one element and the unsplit text are in memory at a time; `onChunk` sees every byte read.
 */
export async function splitJsonFile(
  file: string,
  paths: string[],
  onItem: (item: SplitItem) => void,
  limits: SplitLimits,
  onChunk?: (bytes: Buffer) => void,
): Promise<unknown> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw InputError.at(file, undefined, 'file not found');
    throw InputError.at(file, undefined, `cannot be read (${error.code ?? 'unknown error'})`);
  });
  if (!info.isFile()) throw InputError.at(file, undefined, 'expected a file');
  // A 10 GB (even sparse) file is refused before a byte is read, rather than filling memory with its elements.
  if (info.size > limits.maxFileBytes)
    throw InputError.at(
      file,
      undefined,
      `is ${info.size} bytes, more than the ${limits.maxFileBytes} this file may hold; refused`,
    );
  const chunkSize = limits.chunkSize ?? CHUNK;
  const splitter = new JsonSplitter(file, compilePlan(paths), onItem, limits);
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkSize);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunkSize, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      // The file may grow while it is read: the bound holds for what is read, not only for what stat said.
      if (total > limits.maxFileBytes)
        throw InputError.at(
          file,
          undefined,
          `holds more than the ${limits.maxFileBytes} bytes it may; refused`,
        );
      const bytes = chunk.subarray(0, bytesRead);
      onChunk?.(bytes);
      splitter.feed(bytes);
    }
    return splitter.finish();
  } finally {
    await handle.close();
  }
}

/** What to do inside one container: split arrays under keys (object), or each element of a split array. */
interface PlanNode {
  /** The plan path of a split array (its elements are handed out under it). */
  path: string;
  keys: Map<string, PlanNode>;
  /** Set on a split array: the plan of each element. */
  element?: PlanNode;
}

function compilePlan(paths: string[]): PlanNode {
  const root: PlanNode = { path: '', keys: new Map() };
  for (const path of paths) {
    let node = root;
    for (const segment of path.split('.')) {
      const split = segment.endsWith('[]');
      const key = split ? segment.slice(0, -2) : segment;
      let child = node.keys.get(key);
      if (!child) node.keys.set(key, (child = { path: '', keys: new Map() }));
      if (split) {
        child.path = path.slice(0, path.indexOf(segment) + segment.length);
        child.element ??= { path: '', keys: new Map() };
        node = child.element;
      } else node = child;
    }
  }
  return root;
}

/** An open container the plan says something about. */
interface Frame {
  node: PlanNode;
  /** An object whose keys may lead to split arrays, or a split array. */
  split: boolean;
  /** Indices of the split elements this container is inside. */
  indices: number[];
  /** Object: the next string is a key; the key of the value being read; planned keys seen so far. */
  expectKey: boolean;
  key: string | undefined;
  seen: Set<string> | undefined;
  /** Split array: elements so far, and what may come next. */
  count: number;
  next: 'first' | 'value' | 'after';
  /** Object that is a split element with split arrays inside: its text is its own level. */
  ownsLevel: boolean;
}

/** Text kept of the document, or of one split element being read, outside the arrays split out of it. */
interface Level {
  parts: string[];
  bytes: number;
  /** File offset from which bytes are still to be kept, or -1 while inside a split array. */
  segment: number;
  path: string;
  indices: number[];
}

/** The element of a split array being read as text, to be parsed whole. */
interface OpenItem {
  start: number;
  path: string;
  indices: number[];
  /** An object or array ends at its bracket, a string at its quote, a number, true, false or null at the next comma or bracket. */
  kind: 'container' | 'string' | 'scalar';
}

/**
 * A byte-level state machine. Strings are skipped with `indexOf` (native); structure is looked at byte by byte,
 * and only containers on a planned path are tracked beyond their depth. All positions are file offsets.
 */
class JsonSplitter {
  private depth = 0;
  private frames: Frame[] = [];
  private levels: Level[];
  private item: OpenItem | undefined;
  /** The top-level value has begun; it is a number, true, false or null still being read. */
  private started = false;
  private topScalar = false;
  /** Inside a string that did not end in the previous chunk; `keyString` if it is a planned object's key. */
  private inString = false;
  private stringStart = 0;
  private keyString = false;
  /** Bytes of the previous chunks still needed (an open element, or kept text with an open string). */
  private carry: Buffer | undefined;
  /** File offset of the first byte not yet read. */
  private consumed = 0;

  constructor(
    private readonly file: string,
    private readonly plan: PlanNode,
    private readonly onItem: (item: SplitItem) => void,
    private readonly limits: SplitLimits,
  ) {
    this.levels = [{ parts: [], bytes: 0, segment: 0, path: '', indices: [] }];
  }

  feed(chunk: Buffer): void {
    const carried = this.carry?.length ?? 0;
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    /** File offset of buf[0]. */
    const base = this.consumed - carried;
    this.carry = undefined;
    this.consumed += chunk.length;
    const end = buf.length;
    let i = carried;
    if (this.inString) {
      const close = closingQuote(buf, carried);
      if (close < 0) i = end;
      else {
        this.endString(buf, base, close);
        // A string element ends with its closing quote.
        if (this.item?.kind === 'string') this.endItem(buf, base, close + 1);
        i = close + 1;
      }
    }
    for (; i < end; i++) {
      if (this.depth > this.frames.length) {
        // Inside a container the plan says nothing about (an element, or a value in the kept text).
        i = this.skipNested(buf, base, i, end);
        if (i < 0 || i >= end) break;
        if (this.item) this.endItem(buf, base, i + 1);
        continue;
      }
      const c = buf[i]!;
      if (this.frames.length === 0) i = this.outside(buf, base, i, c);
      else {
        const frame = this.frames[this.frames.length - 1]!;
        i = frame.split ? this.inSplitArray(frame, buf, base, i, c) : this.inObject(frame, buf, base, i, c);
      }
      if (i < 0) break;
    }
    this.keep(buf, base, end);
  }

  finish(): unknown {
    if (this.depth !== 0 || this.inString || this.item || this.carry) {
      throw InputError.at(
        this.file,
        undefined,
        `is not valid JSON (unexpected end of data after ${this.consumed} bytes)`,
      );
    }
    return this.parse(this.levels[0]!.parts.join(''), undefined, undefined);
  }

  /**
   * Runs through bytes nested below the planned containers, tracking only depth and strings (the hot loop).
   * Returns the index of the bracket that closes back to a planned container, `end` when the chunk ran out,
   * or -1 inside a string that goes on in the next chunk.
   */
  private skipNested(buf: Buffer, base: number, i: number, end: number): number {
    const floor = this.frames.length;
    let depth = this.depth;
    try {
      for (; i < end; i++) {
        const c = buf[i]!;
        if (c === QUOTE) {
          const close = closingQuote(buf, i + 1);
          if (close < 0) {
            this.inString = true;
            this.stringStart = base + i;
            this.keyString = false;
            return -1;
          }
          if (close - i - 1 > MAX_JSON_STRING) {
            this.stringStart = base + i;
            this.endString(buf, base, close);
          }
          i = close;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          if (++depth > MAX_JSON_DEPTH) this.refuse(base + i, `nests deeper than ${MAX_JSON_DEPTH} levels`);
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (--depth === floor) return i;
        } else if (c < 0x20 && !isJsonSpace(c)) this.refuseByte(base + i, c);
      }
      return end;
    } finally {
      this.depth = depth;
    }
  }

  /** A byte outside the top-level value: the value itself starts here, or only whitespace may follow it. */
  private outside(buf: Buffer, base: number, i: number, c: number): number {
    if (this.topScalar) {
      // A number, true, false or null as the whole document: what it is, JSON.parse says at the end.
      if (isJsonSpace(c)) this.topScalar = false;
      else if (c < 0x20) this.refuseByte(base + i, c);
      return i;
    }
    if (isJsonSpace(c)) return i;
    // A UTF-8 byte order mark is left out of the text (its bytes may arrive in different chunks).
    if (!this.started && base + i < 3 && c === BOM[base + i]) {
      this.levels[0]!.segment = base + i + 1;
      return i;
    }
    if (this.started) this.refuse(base + i, 'is not valid JSON (unexpected data after the end)');
    this.started = true;
    if (c === OPEN_BRACE) this.pushObject(this.plan, []);
    else if (c === OPEN_BRACKET) this.enter(base + i);
    else if (c === QUOTE) {
      if (!this.skipString(buf, base, i, false)) return -1;
      return this.stringEnd;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET)
      this.refuse(base + i, 'is not valid JSON (unexpected close)');
    else if (c < 0x20) this.refuseByte(base + i, c);
    else this.topScalar = true;
    return i;
  }

  /** Set by skipString: index of the closing quote. */
  private stringEnd = 0;

  /** Skips the string opening at `i`; false when it does not end in this chunk. */
  private skipString(buf: Buffer, base: number, i: number, key: boolean): boolean {
    const close = closingQuote(buf, i + 1);
    this.stringStart = base + i;
    this.keyString = key;
    if (close < 0) {
      this.inString = true;
      return false;
    }
    this.endString(buf, base, close);
    this.stringEnd = close;
    return true;
  }

  private endString(buf: Buffer, base: number, close: number): void {
    this.inString = false;
    const start = this.stringStart - base;
    if (
      close - start - 1 > MAX_JSON_STRING &&
      buf.toString('utf8', start + 1, close).length > MAX_JSON_STRING
    )
      this.refuse(this.stringStart, `holds a string longer than ${MAX_JSON_STRING} characters`);
    if (this.keyString) {
      const frame = this.frames[this.frames.length - 1]!;
      frame.key = this.parse(buf.toString('utf8', start, close + 1), undefined, undefined) as string;
      frame.expectKey = false;
    }
  }

  /** A byte directly inside a planned object (the top-level one, a split element, or one on the way to a split). */
  private inObject(frame: Frame, buf: Buffer, base: number, i: number, c: number): number {
    if (c === QUOTE) {
      if (!this.skipString(buf, base, i, frame.expectKey)) return -1;
      return this.stringEnd;
    }
    if (c === COMMA) {
      frame.expectKey = true;
      frame.key = undefined;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const child = frame.expectKey || frame.key === undefined ? undefined : frame.node.keys.get(frame.key);
      if (child) {
        // JSON.parse keeps the last of two equal keys; split out, both would count: refuse instead.
        frame.seen ??= new Set();
        if (frame.seen.has(frame.key!)) this.refuse(base + i, `has the key "${frame.key}" twice`);
        frame.seen.add(frame.key!);
      }
      if (child?.element && c === OPEN_BRACKET) this.openSplit(child, frame.indices, buf, base, i);
      else if (child && child.keys.size > 0 && c === OPEN_BRACE) this.pushObject(child, frame.indices);
      else this.enter(base + i);
    } else if (c === CLOSE_BRACE) {
      this.frames.pop();
      this.depth--;
      if (frame.ownsLevel) this.endLevel(buf, base, i + 1);
    } else if (c === CLOSE_BRACKET) {
      this.refuse(base + i, 'is not valid JSON (unexpected "]")');
    } else if (c < 0x20 && !isJsonSpace(c)) this.refuseByte(base + i, c);
    return i;
  }

  /** A byte directly inside a split array: between elements, or in a scalar element. */
  private inSplitArray(frame: Frame, buf: Buffer, base: number, i: number, c: number): number {
    if (this.item) {
      // Only a scalar element is open at this depth.
      if (c !== COMMA && c !== CLOSE_BRACKET) return i;
      this.endItem(buf, base, i);
    }
    if (isJsonSpace(c)) return i;
    if (c === COMMA) {
      if (frame.next !== 'after') this.refuse(base + i, 'is not valid JSON (unexpected ",")');
      frame.next = 'value';
      return i;
    }
    if (c === CLOSE_BRACKET) {
      if (frame.next === 'value') this.refuse(base + i, 'is not valid JSON (unexpected "]")');
      this.frames.pop();
      this.depth--;
      // The text kept resumes at the bracket: the array is left as `[]`.
      this.levels[this.levels.length - 1]!.segment = base + i;
      return i;
    }
    if (frame.next === 'after') this.refuse(base + i, 'is not valid JSON (expected "," or "]")');
    frame.next = 'after';
    const element = frame.node.element!;
    const indices = [...frame.indices, frame.count++];
    if (c === OPEN_BRACE && element.keys.size > 0) {
      this.levels.push({ parts: [], bytes: 0, segment: base + i, path: frame.node.path, indices });
      this.pushObject(element, indices, true);
      return i;
    }
    const item: OpenItem = { start: base + i, path: frame.node.path, indices, kind: 'scalar' };
    this.item = item;
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      item.kind = 'container';
      this.enter(base + i);
    } else if (c === QUOTE) {
      item.kind = 'string';
      if (!this.skipString(buf, base, i, false)) return -1;
      this.endItem(buf, base, this.stringEnd + 1);
      return this.stringEnd;
    } else if (c < 0x20) this.refuseByte(base + i, c);
    return i;
  }

  private enter(at: number): void {
    if (++this.depth > MAX_JSON_DEPTH) this.refuse(at, `nests deeper than ${MAX_JSON_DEPTH} levels`);
  }

  private pushObject(node: PlanNode, indices: number[], ownsLevel = false): void {
    this.depth++;
    this.frames.push({
      node,
      split: false,
      indices,
      expectKey: true,
      key: undefined,
      seen: undefined,
      count: 0,
      next: 'first',
      ownsLevel,
    });
  }

  private openSplit(node: PlanNode, indices: number[], buf: Buffer, base: number, i: number): void {
    const level = this.levels[this.levels.length - 1]!;
    this.keepText(level, buf.toString('utf8', level.segment - base, i + 1));
    level.segment = -1;
    this.depth++;
    this.frames.push({
      node,
      split: true,
      indices,
      expectKey: false,
      key: undefined,
      seen: undefined,
      count: 0,
      next: 'first',
      ownsLevel: false,
    });
  }

  /** The element open since item.start ends before `stop`: parse it and hand it out. */
  private endItem(buf: Buffer, base: number, stop: number): void {
    const item = this.item!;
    this.item = undefined;
    const start = item.start - base;
    const field = fieldOf(item.path, item.indices);
    if (stop - start > this.limits.maxItemBytes)
      this.refuse(item.start, `${field} is larger than ${this.limits.maxItemBytes} bytes`);
    const text = buf.toString('utf8', start, stop);
    this.onItem({ path: item.path, indices: item.indices, value: this.parse(text, field, item.start) });
  }

  /** A split element with split arrays inside ends before `stop`: parse what was kept of it and hand it out. */
  private endLevel(buf: Buffer, base: number, stop: number): void {
    const level = this.levels.pop()!;
    this.keepText(level, buf.toString('utf8', level.segment - base, stop));
    const field = fieldOf(level.path, level.indices);
    const value = this.parse(level.parts.join(''), field, undefined);
    this.onItem({ path: level.path, indices: level.indices, value });
  }

  private keepText(level: Level, text: string): void {
    level.parts.push(text);
    level.bytes += text.length;
    if (level.bytes > this.limits.maxSkeletonBytes) this.refuseSkeleton(level);
  }

  /** At the end of a chunk: keep the text read so far, and carry what must be read whole into the next chunk. */
  private keep(buf: Buffer, base: number, end: number): void {
    const level = this.levels[this.levels.length - 1]!;
    let from = -1;
    if (this.item) from = this.item.start;
    else if (level.segment >= 0 && this.inString) from = level.segment;
    else if (this.inString) from = this.stringStart;
    else if (level.segment >= 0) {
      // Outside strings every byte is ASCII, so the text can be cut here.
      this.keepText(level, buf.toString('utf8', level.segment - base, end));
      level.segment = base + end;
    }
    if (from < 0) return;
    const carry = buf.subarray(from - base);
    if (this.item && carry.length > this.limits.maxItemBytes)
      this.refuse(
        from,
        `${fieldOf(this.item.path, this.item.indices)} is larger than ${this.limits.maxItemBytes} bytes`,
      );
    if (!this.item && level.bytes + carry.length > this.limits.maxSkeletonBytes) this.refuseSkeleton(level);
    // The read buffer is reused for the next chunk: what is carried must be a copy.
    this.carry = Buffer.from(carry);
  }

  private parse(text: string, field: string | undefined, at: number | undefined): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      const { offset, what } = describeJsonError(text, error);
      // An element's positions are positions in the file; the kept text's are not: then say what, not where.
      const where =
        at === undefined || offset === undefined
          ? ''
          : ` at byte ${at + Buffer.byteLength(text.slice(0, offset))}`;
      throw InputError.at(this.file, field, `is not valid JSON (${what}${where})`);
    }
  }

  private refuseSkeleton(level: Level): never {
    const what = level.path ? fieldOf(level.path, level.indices) : 'the document';
    throw InputError.at(
      this.file,
      undefined,
      `${what} holds more than ${this.limits.maxSkeletonBytes} bytes outside its split arrays; refused`,
    );
  }

  private refuseByte(at: number, c: number): never {
    this.refuse(at, `holds byte 0x${c.toString(16).padStart(2, '0')}, which is not JSON`);
  }

  /** One line naming the file and the byte where reading stopped. */
  private refuse(at: number, what: string): never {
    throw InputError.at(this.file, undefined, `${what} (at byte ${at}); refused`);
  }
}

/** `results[].offenders[]` with indices [3, 17] → `results[3].offenders[17]`. */
export function fieldOf(path: string, indices: number[]): string {
  let n = 0;
  return path.replace(/\[\]/g, () => `[${indices[n++]}]`);
}
