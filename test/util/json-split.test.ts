// The streaming JSON splitter: same values as JSON.parse at any chunk size, elements one by one, bounds and damaged text refused in one line.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/util/errors.js';
import { splitJsonFile, type SplitItem, type SplitLimits } from '../../src/util/json-split.js';

const PATHS = ['results[]', 'results[].offenders[]', 'results[].evidence[]', 'collection.sources[]'];
const ROOMY: SplitLimits = { maxFileBytes: 1 << 30, maxItemBytes: 1 << 24, maxSkeletonBytes: 1 << 24 };
const SECRET = 'Zq9SUPERSECRETq9Z';
const RUNS = { numRuns: 120 };

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ke-split-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fileWith(text: string | Buffer): Promise<string> {
  const file = join(dir, `f${n++}.json`);
  await writeFile(file, text);
  return file;
}

/** Splits the file, then puts every element back where it came from: the result must be JSON.parse's value. */
async function splitAndRebuild(
  file: string,
  limits: SplitLimits,
): Promise<{ value: unknown; items: SplitItem[] }> {
  const items: SplitItem[] = [];
  const root = await splitJsonFile(
    file,
    PATHS,
    (item) => {
      // An element's own split arrays arrive before it, and it arrives with them emptied.
      const value = item.value as Record<string, unknown>;
      if (item.path === 'results[]' && Array.isArray(value.offenders)) expect(value.offenders).toEqual([]);
      items.push(item);
    },
    limits,
  );
  const results = items.filter((i) => i.path === 'results[]').map((i) => i.value as Record<string, unknown>);
  for (const item of items) {
    const [first, second] = item.indices;
    if (item.path === 'results[].offenders[]')
      (results[first!]!.offenders as unknown[])[second!] = item.value;
    if (item.path === 'results[].evidence[]') (results[first!]!.evidence as unknown[])[second!] = item.value;
    if (item.path === 'collection.sources[]')
      ((root as { collection: { sources: unknown[] } }).collection.sources as unknown[])[first!] = item.value;
  }
  if (items.some((i) => i.path === 'results[]')) (root as { results: unknown[] }).results = results;
  return { value: root, items };
}

const leaf = fc.jsonValue({ maxDepth: 3 });
const result = fc.record(
  {
    id: fc.string(),
    status: fc.constantFrom('pass', 'fail'),
    offenders: fc.array(leaf, { maxLength: 5 }),
    evidence: fc.array(leaf, { maxLength: 3 }),
    remediation: leaf,
  },
  { requiredKeys: ['id'] },
);
const assessmentLike = fc.record(
  {
    schema: fc.string(),
    collection: fc.record({ collectedAt: fc.string(), sources: fc.array(leaf, { maxLength: 4 }) }),
    results: fc.array(result, { maxLength: 5 }),
    other: leaf,
  },
  { requiredKeys: [] },
);

function expectOneLineError(error: unknown): void {
  expect(error).toBeInstanceOf(InputError);
  const message = (error as Error).message;
  expect(message).not.toContain('SUPERSECRET');
  expect(message.split('\n')).toHaveLength(1);
}

describe('splitJsonFile', () => {
  it('gives what JSON.parse gives, elements handed out one by one, at any chunk size and indentation', async () => {
    await fc.assert(
      fc.asyncProperty(
        assessmentLike,
        fc.constantFrom(0, 1, 2, '\t'),
        fc.integer({ min: 1, max: 64 }),
        async (doc, indent, chunkSize) => {
          const text = JSON.stringify(doc, null, indent);
          const { value, items } = await splitAndRebuild(await fileWith(text), { ...ROOMY, chunkSize });
          expect(value).toEqual(JSON.parse(text));
          // Each split element arrives alone, in order, after the elements of its own split arrays.
          const results = items.filter((i) => i.path === 'results[]');
          expect(results.map((i) => i.indices[0])).toEqual(results.map((_, k) => k));
          items.forEach((item, k) => {
            if (item.path.startsWith('results[].'))
              expect(
                items.slice(k).some((r) => r.path === 'results[]' && r.indices[0] === item.indices[0]),
              ).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });

  it('gives what JSON.parse gives for any JSON document, planned keys or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 5 }),
        fc.integer({ min: 1, max: 16 }),
        async (doc, chunkSize) => {
          const text = JSON.stringify(doc, null, 1);
          const { value } = await splitAndRebuild(await fileWith(text), { ...ROOMY, chunkSize });
          expect(value).toEqual(JSON.parse(text));
        },
      ),
      RUNS,
    );
  });

  it('on damaged text: the same value, or one InputError line that never quotes the text', async () => {
    const damaged = fc
      .tuple(
        assessmentLike,
        fc.nat(),
        fc.constantFrom('replace', 'truncate', 'insert-secret', 'insert'),
        fc.constantFrom(',', '}', ']', '{', '[', '"', ':', '\\', 'x', '\u0000', ' ', '"results":[', '\u00e9'),
        fc.integer({ min: 1, max: 32 }),
      )
      .map(([doc, at, how, char, chunkSize]) => {
        const text = JSON.stringify({ note: SECRET, ...doc }, null, 1);
        const i = at % text.length;
        if (how === 'replace') return { text: text.slice(0, i) + char + text.slice(i + 1), chunkSize };
        if (how === 'truncate') return { text: text.slice(0, i), chunkSize };
        const insert = how === 'insert' ? char : SECRET;
        return { text: `${text.slice(0, i)}${insert}${text.slice(i)}`, chunkSize };
      });
    await fc.assert(
      fc.asyncProperty(damaged, async ({ text, chunkSize }) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        try {
          const { value } = await splitAndRebuild(await fileWith(text), { ...ROOMY, chunkSize });
          expect(valid).toBe(true);
          expect(value).toEqual(expected);
        } catch (error) {
          expectOneLineError(error);
          // Valid JSON is refused only for a split key given twice (JSON.parse would silently keep the last).
          if (valid) expect((error as Error).message).toMatch(/has the key "\w+" twice/);
        }
      }),
      RUNS,
    );
  });

  it('names the element and the file byte of a syntax error inside an element', async () => {
    const text = '{"results": [{"id": "a", "offenders": [{"kind": "Pod"}, {"kind": Pod}]}]}';
    const error = await splitJsonFile(await fileWith(text), PATHS, () => {}, {
      ...ROOMY,
      chunkSize: 5,
    }).catch((e: unknown) => e);
    expectOneLineError(error);
    const at = text.indexOf('Pod}');
    expect((error as Error).message).toBe(
      `${join(dir, `f${n - 1}.json`)}: results[0].offenders[1]: is not valid JSON (unexpected character at byte ${at})`,
    );
  });

  it('refuses a file over the size bound before reading it, in one line, even a sparse 10 GB one', async () => {
    const file = join(dir, 'huge.json');
    await writeFile(file, '{"results": [');
    await truncate(file, 10 * 1024 ** 3);
    let read = 0;
    const error = await splitJsonFile(
      file,
      PATHS,
      () => {},
      { ...ROOMY, maxFileBytes: 1 << 30 },
      () => {
        read++;
      },
    ).catch((e: unknown) => e);
    expectOneLineError(error);
    expect((error as Error).message).toBe(
      `${file}: is ${10 * 1024 ** 3} bytes, more than the ${1 << 30} this file may hold; refused`,
    );
    expect(read).toBe(0);
  });

  it('refuses an element, or the text around the elements, over its bound without reading on', async () => {
    const offenders = Array.from({ length: 50 }, (_, i) => ({ kind: 'Pod', name: `p${i}` }));
    const big = JSON.stringify({
      results: [{ id: 'a', offenders, evidence: [{ observed: 'x'.repeat(5000) }] }],
    });
    const small = { ...ROOMY, chunkSize: 256, maxItemBytes: 1000 };
    const item = await splitJsonFile(await fileWith(big), PATHS, () => {}, small).catch((e: unknown) => e);
    expectOneLineError(item);
    expect((item as Error).message).toMatch(
      /: results\[0\]\.evidence\[0\] is larger than 1000 bytes \(at byte \d+\); refused$/,
    );
    const skeleton = JSON.stringify({ results: [{ id: 'a', remediation: 'y'.repeat(5000), offenders }] });
    const tight = { ...ROOMY, chunkSize: 256, maxSkeletonBytes: 2000 };
    const kept = await splitJsonFile(await fileWith(skeleton), PATHS, () => {}, tight).catch(
      (e: unknown) => e,
    );
    expectOneLineError(kept);
    expect((kept as Error).message).toMatch(
      /: results\[0\] holds more than 2000 bytes outside its split arrays; refused$/,
    );
  });

  it('refuses truncated JSON with the number of bytes read, and a split key given twice', async () => {
    const text = '{"results": [{"id": "a", "offenders": [{"kind": "Pod"}';
    const cut = await splitJsonFile(await fileWith(text), PATHS, () => {}, ROOMY).catch((e: unknown) => e);
    expectOneLineError(cut);
    expect((cut as Error).message).toMatch(
      new RegExp(`: is not valid JSON \\(unexpected end of data after ${text.length} bytes\\)$`),
    );
    const twice = '{"results": [], "results": [{"id": "b"}]}';
    const dup = await splitJsonFile(await fileWith(twice), PATHS, () => {}, ROOMY).catch((e: unknown) => e);
    expectOneLineError(dup);
    expect((dup as Error).message).toMatch(/: has the key "results" twice \(at byte 27\); refused$/);
  });

  it('hands out an element straddling chunks, a string with escaped quotes and multi-byte text intact', async () => {
    const doc = {
      results: [
        {
          id: 'a"\\"b',
          offenders: [{ name: '名前 "quoted" \\ end', value: ['é', { k: 'ü' }] }],
          evidence: [],
        },
      ],
    };
    for (const chunkSize of [1, 2, 3, 7]) {
      const { value } = await splitAndRebuild(await fileWith(`\ufeff${JSON.stringify(doc, null, 2)}`), {
        ...ROOMY,
        chunkSize,
      });
      expect(value).toEqual(doc);
    }
  });
});
