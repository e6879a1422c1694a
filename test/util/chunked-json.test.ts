// jsonChunks (indented, or a stream item a line) and writeChunksAtomic (batched writes) keep the document exact.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeChunksAtomic } from '../../src/util/fs.js';
import { JsonStream, jsonChunks } from '../../src/util/json-stream.js';

const offenders = Array.from({ length: 5_000 }, (_, i) => ({
  kind: 'Pod',
  name: `p-${i}-名字`,
  field: 'spec.containers[].image',
  value: i % 3 === 0 ? null : { image: `repo/app:${i}`, ok: i % 2 === 0 },
  skipped: undefined,
}));

function document() {
  return {
    title: 'stream test',
    empty: new JsonStream(() => []),
    results: [
      { id: '1.1', items: new JsonStream(() => offenders) },
      { id: '1.2', nested: new JsonStream(() => [{ inner: new JsonStream(() => offenders.slice(0, 3)) }]) },
    ],
  };
}

const plain = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v instanceof JsonStream ? [...v.items()] : v)));

describe('jsonChunks', () => {
  it('writes the same document as JSON.stringify(…, null, 2) by default', () => {
    const text = [...jsonChunks(document())].join('');
    expect(text).toBe(JSON.stringify(plain(document()), null, 2));
  });

  it('with itemPerLine, puts each streamed item on a line of its own and parses to the same value', () => {
    const text = [...jsonChunks(document(), { itemPerLine: true })].join('');
    expect(JSON.parse(text)).toEqual(plain(document()));
    const itemLines = text.split('\n').filter((l) => l.trimStart().startsWith('{"kind":"Pod"'));
    // 5,000 in the first stream and 3 in the nested one; an item holding a stream is still laid out by keys.
    expect(itemLines).toHaveLength(5_003);
    expect(text.length).toBeLessThan(JSON.stringify(plain(document()), null, 2).length * 0.6);
  });
});

describe('writeChunksAtomic', () => {
  it('writes many small chunks, multi-byte text across batch boundaries, exactly and without a temp file left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ke-chunks-'));
    const chunks = Array.from({ length: 300_000 }, (_, i) => `${i}:证据·evidence\n`);
    const file = join(dir, 'out.txt');
    await writeChunksAtomic(file, chunks);
    expect(await readFile(file, 'utf8')).toBe(chunks.join(''));
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('leaves no file behind when the producer throws', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ke-chunks-'));
    function* failing() {
      yield 'x'.repeat(3 << 20);
      throw new Error('producer failed');
    }
    await expect(writeChunksAtomic(join(dir, 'out.txt'), failing())).rejects.toThrow('producer failed');
    expect(await readdir(dir)).toEqual([]);
  });
});
