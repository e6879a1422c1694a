// JSON written as chunks: arrays marked as streams are produced item by item, so a large document is never one string.

/** An array whose items are produced lazily while the document is written (100,000 offending objects, say). */
export class JsonStream {
  constructor(readonly items: () => Iterable<unknown>) {}
}

export interface JsonChunkOptions {
  /**
   * Each item of a stream on one line of its own, without inner indentation. A document with 200,000 offending
   * objects is then half the size and written twice as fast, and still reads (and greps) an item a line.
   */
  itemPerLine?: boolean;
}

/**
 * The document as text chunks, indented by two spaces like JSON.stringify(value, null, 2). Subtrees without a
 * stream are serialised whole; a stream yields one chunk per item. Keys whose value is undefined are left out.
 */
export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}, depth = 0): Generator<string> {
  if (value instanceof JsonStream) {
    let first = true;
    for (const item of value.items()) {
      yield `${first ? '[' : ','}\n${pad(depth + 1)}`;
      if (options.itemPerLine && !(item !== null && typeof item === 'object' && containsStream(item)))
        yield JSON.stringify(item) ?? 'null';
      else yield* jsonChunks(item, options, depth + 1);
      first = false;
    }
    yield first ? '[]' : `\n${pad(depth)}]`;
    return;
  }
  if (value !== null && typeof value === 'object' && containsStream(value)) {
    const entries: [string | undefined, unknown][] = Array.isArray(value)
      ? value.map((v) => [undefined, v])
      : Object.entries(value).filter(([, v]) => v !== undefined);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    let first = true;
    for (const [key, child] of entries) {
      yield `${first ? open : ','}\n${pad(depth + 1)}${key === undefined ? '' : `${JSON.stringify(key)}: `}`;
      yield* jsonChunks(child, options, depth + 1);
      first = false;
    }
    yield first ? `${open}${close}` : `\n${pad(depth)}${close}`;
    return;
  }
  yield (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${pad(depth)}`);
}

function containsStream(value: object): boolean {
  if (value instanceof JsonStream) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (child !== null && typeof child === 'object' && containsStream(child)) return true;
  }
  return false;
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}
