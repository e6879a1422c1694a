// Reads a large JSON List file in chunks and parses its items one by one, so no file-sized string is ever built.
import { open } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  closingQuote,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from '../util/json-bytes.js';
import { checkJsonLimits, describeJsonError, MAX_JSON_DEPTH } from '../util/json-limits.js';

/**
 * Read size: large enough that the per-chunk overhead vanishes, small enough that a chunk's parsed items die in
 * V8's young generation. With 8 MiB chunks the items of a chunk (about 30 MB of objects, alive until the chunk is
 * compacted and copied) outlived scavenges and piled up in the old generation: `report` at 30,000 pods peaked at
 * 570 MB RSS, against 458 MB with 1 MiB chunks and the same time.
 */
const CHUNK = 1024 * 1024;

/** Largest single list item: a Kubernetes object is at most about 1.5 MB in etcd; a 200 MB pod name is refused here. */
export const MAX_ITEM_BYTES = 32 * 1024 * 1024;
/** Largest text outside the items array (apiVersion, kind, metadata): a few hundred bytes in a real list. */
const MAX_SKELETON_BYTES = 1024 * 1024;

/**
 * Parses a JSON file to the same value `JSON.parse` would give, but a top-level object's `items` array
 * is cut into its elements and each is parsed alone. A 150,000-pod list (600 MB) is more than V8's
 * longest string, so reading it whole cannot work; this way only one chunk and one item are text at a time.
 */
export async function readLargeJson(file: string, chunkSize = CHUNK): Promise<unknown> {
  return scanFile(file, new ListScanner(file), chunkSize);
}

/**
 * Streams a large JSON List: `onItems` gets each chunk's parsed items (and may write them out) while nothing
 * but one chunk is held; returns the document without its items (`items: []`), to be written after them.
 */
export async function streamLargeJson(
  file: string,
  onItems: (items: unknown[]) => Promise<void>,
  chunkSize = CHUNK,
): Promise<unknown> {
  const scanner = new ListScanner(file, true);
  return scanFile(file, scanner, chunkSize, () => onItems(scanner.takeItems()));
}

async function scanFile(
  file: string,
  scanner: ListScanner,
  chunkSize: number,
  afterChunk?: () => Promise<void>,
): Promise<unknown> {
  const handle = await open(file, 'r');
  // One read buffer for the whole file: the scanner keeps none of its bytes (see ListScanner.feed). A fresh 8 MiB
  // buffer per read, and another to join it to the unfinished item, is fresh memory to map and fill each time.
  const chunk = Buffer.allocUnsafe(chunkSize);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunkSize, null);
      if (bytesRead === 0) break;
      scanner.feed(chunk.subarray(0, bytesRead));
      await afterChunk?.();
    }
    const doc = scanner.finish();
    await afterChunk?.();
    return doc;
  } finally {
    await handle.close();
  }
}

/**
 * A byte-level state machine over the file. Strings are skipped with `indexOf` (native, and most of the
 * bytes of Kubernetes JSON are inside strings); only the structure between them is looked at byte by byte.
 */
class ListScanner {
  private depth = 0;
  private inString = false;
  /** Text of the document outside the items array; `[]` stands in for the array. */
  private skeleton = '';
  /** Depth just inside the items array, or 0 outside it. */
  private itemsDepth = 0;
  private items: unknown[] = [];
  /**
   * Bytes not consumed yet: an unfinished item, or a skeleton segment with an unfinished string. Always the start
   * of `work`, never a view of a chunk the caller will reuse.
   */
  private carry: Buffer | undefined;
  /** Where the carry and the next chunk are put together, reused from chunk to chunk. */
  private work = Buffer.alloc(0);
  private itemOpen = false;
  private consumed = 0;
  private base = 0;

  /** Items handed out so far by takeItems (for their index in messages). */
  private taken = 0;

  /** `streaming`: items are handed out by takeItems after each chunk and not kept. */
  constructor(
    private readonly file: string,
    private readonly streaming = false,
  ) {}

  takeItems(): unknown[] {
    const items = this.items;
    this.taken += items.length;
    this.items = [];
    return items;
  }

  feed(chunk: Buffer): void {
    // What the previous chunk left unfinished continues here; its bytes were already scanned.
    const carried = this.carry?.length ?? 0;
    /** File offset of buf[0], for messages. */
    this.base = this.consumed - carried;
    const buf = this.carry ? this.joinCarry(this.carry.length, chunk) : chunk;
    this.carry = undefined;
    const end = buf.length;
    let segment = 0;
    let item = this.itemOpen ? 0 : -1;
    let depth = this.depth;
    let inString = this.inString;
    let i = carried;
    if (inString) {
      const close = closingQuote(buf, carried);
      if (close >= 0) {
        inString = false;
        i = close + 1;
      } else {
        i = end;
      }
    }
    for (; i < end; i++) {
      const c = buf[i]!;
      if (c === QUOTE) {
        if (this.itemsDepth > 0 && depth === this.itemsDepth && item < 0) item = i;
        const close = closingQuote(buf, i + 1);
        if (close < 0) {
          inString = true;
          break;
        }
        i = close;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (this.itemsDepth > 0 && depth === this.itemsDepth && item < 0) item = i;
        depth++;
        if (depth > MAX_JSON_DEPTH) this.refuse(i, `nests deeper than ${MAX_JSON_DEPTH} levels`);
        if (c === OPEN_BRACKET && depth === 2 && this.itemsDepth === 0 && this.isItemsKey(buf, segment, i)) {
          this.skeleton += buf.toString('utf8', segment, i + 1);
          this.itemsDepth = 2;
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (this.itemsDepth > 0 && depth === this.itemsDepth && c === CLOSE_BRACKET) {
          // End of the items array: a scalar element may still be open.
          if (item >= 0) this.pushItem(buf, item, i);
          item = -1;
          this.itemsDepth = 0;
          segment = i;
        }
        depth--;
        if (this.itemsDepth > 0 && depth === this.itemsDepth && item >= 0) {
          this.pushItem(buf, item, i + 1);
          item = -1;
        }
      } else if (c === COMMA) {
        if (this.itemsDepth > 0 && depth === this.itemsDepth && item >= 0) {
          this.pushItem(buf, item, i);
          item = -1;
        }
      } else if (this.itemsDepth > 0 && depth === this.itemsDepth && item < 0 && c > 0x20) {
        item = i; // a number, true, false or null
      } else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
        // A NUL or other control byte outside a string is never JSON (a sparse or binary file): stop at once.
        this.refuse(i, `holds byte 0x${c.toString(16).padStart(2, '0')}, which is not JSON`);
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.itemOpen = item >= 0;
    if (item >= 0) this.keepCarry(buf, item);
    else if (this.itemsDepth === 0 && inString) this.keepCarry(buf, segment);
    else if (this.itemsDepth === 0) this.skeleton += buf.toString('utf8', segment, end);
    this.consumed += chunk.length;
    if (item >= 0 && this.carryLength() > MAX_ITEM_BYTES)
      this.refuse(item, `items[${this.taken + this.items.length}] is larger than ${MAX_ITEM_BYTES} bytes`);
    if (this.skeleton.length + (item < 0 ? this.carryLength() : 0) > MAX_SKELETON_BYTES)
      this.refuse(segment, `holds more than ${MAX_SKELETON_BYTES} bytes outside its items`);
  }

  finish(): unknown {
    if (this.depth !== 0 || this.inString || this.carry) {
      throw InputError.at(
        this.file,
        undefined,
        `is not valid JSON (unexpected end of data after ${this.consumed} bytes)`,
      );
    }
    let doc: unknown;
    const skeleton = this.skeleton.charCodeAt(0) === 0xfeff ? this.skeleton.slice(1) : this.skeleton;
    try {
      doc = JSON.parse(skeleton);
    } catch (error) {
      // Positions in the skeleton are not positions in the file: say what, not where, and never quote it.
      throw InputError.at(
        this.file,
        undefined,
        `is not valid JSON (${describeJsonError(skeleton, error).what})`,
      );
    }
    if (
      doc !== null &&
      typeof doc === 'object' &&
      !Array.isArray(doc) &&
      Array.isArray((doc as { items?: unknown }).items) &&
      !this.streaming
    ) {
      (doc as { items: unknown[] }).items = this.items;
    }
    return doc;
  }

  private carryLength(): number {
    return this.carry?.length ?? 0;
  }

  /** The carry (the first `carried` bytes of `work`) followed by `chunk`, in `work` (grown when too small). */
  private joinCarry(carried: number, chunk: Buffer): Buffer {
    const need = carried + chunk.length;
    if (this.work.length < need) {
      const grown = Buffer.allocUnsafe(Math.max(need, 2 * this.work.length));
      this.work.copy(grown, 0, 0, carried);
      this.work = grown;
    }
    chunk.copy(this.work, carried);
    return this.work.subarray(0, need);
  }

  /** Keeps `buf` from `from` on as the carry, moved to the start of `work` (buf may be `work` itself). */
  private keepCarry(buf: Buffer, from: number): void {
    const length = buf.length - from;
    // A view of `work` always fits in it; only a caller's chunk can be longer.
    if (this.work.length < length) this.work = Buffer.allocUnsafe(length);
    // Buffer#copy is a memmove: moving the tail of `work` to its start is safe.
    buf.copy(this.work, 0, from);
    this.carry = this.work.subarray(0, length);
  }

  /** True when the `[` at `at` opens the value of a top-level "items" key. */
  private isItemsKey(buf: Buffer, segment: number, at: number): boolean {
    const before = this.skeleton.slice(-32) + buf.toString('utf8', Math.max(segment, at - 32), at);
    return /"items"\s*:\s*$/.test(before);
  }

  private pushItem(buf: Buffer, start: number, end: number): void {
    const text = buf.toString('utf8', start, end);
    const field = `items[${this.taken + this.items.length}]`;
    // Most items are a few kB; only a big one can hide an over-long string, so only those are scanned for it.
    if (text.length > 64 * 1024) checkJsonLimits(text, this.file, field);
    try {
      this.items.push(JSON.parse(text));
    } catch (error) {
      const { offset, what } = describeJsonError(text, error);
      const at =
        offset === undefined
          ? ''
          : ` at byte ${this.base + start + Buffer.byteLength(text.slice(0, offset))}`;
      throw InputError.at(this.file, field, `is not valid JSON (${what}${at})`);
    }
  }

  /** One line naming the file and the byte where reading stopped. */
  private refuse(at: number, what: string): never {
    throw InputError.at(this.file, undefined, `${what} (at byte ${this.base + at}); refused`);
  }
}
