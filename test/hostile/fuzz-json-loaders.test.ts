// Bounded fuzzing of the JSON loaders with fast-check: same values as JSON.parse, only one-line InputErrors, never the content.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLargeJson } from '../../src/facts/json-stream.js';
import { objectsFromDocument } from '../../src/facts/kube-objects.js';
import { InputError } from '../../src/util/errors.js';
import { parseJson } from '../../src/util/fs.js';

const SECRET = 'Zq9SUPERSECRETq9Z';
// Bounded: a few hundred cases per property keep the file in seconds, and the seed is printed on failure.
const RUNS = { numRuns: 250 };

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ke-fuzz-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** JSON text of a Kubernetes-like list, then damaged at one place (a byte changed, cut, or a secret spliced in). */
const damagedList = fc
  .tuple(
    fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }),
    fc.nat(),
    fc.constantFrom('replace', 'truncate', 'insert-secret', 'none'),
    fc.constantFrom(',', '}', ']', '{', '[', '"', ':', '\\', 'x', '\u0000', ' '),
  )
  .map(([items, at, how, char]) => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'PodList', metadata: { note: SECRET }, items });
    const i = text.length ? at % text.length : 0;
    if (how === 'replace') return text.slice(0, i) + char + text.slice(i + 1);
    if (how === 'truncate') return text.slice(0, i);
    if (how === 'insert-secret') return `${text.slice(0, i)}${SECRET}${text.slice(i)}`;
    return text;
  });

function expectSafeError(error: unknown): void {
  expect(error).toBeInstanceOf(InputError);
  const message = (error as Error).message;
  expect(message).not.toContain('SUPERSECRET');
  expect(message.split('\n')).toHaveLength(1);
}

describe('fuzzing the JSON loaders (fast-check)', () => {
  it('parseJson gives what JSON.parse gives for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        expect(parseJson(text, 'f.json')).toEqual(JSON.parse(text));
      }),
      RUNS,
    );
  });

  it('parseJson on damaged text: the same value, or one InputError line that never quotes the text', () => {
    fc.assert(
      fc.property(damagedList, (text) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        try {
          const got = parseJson(text, 'f.json');
          expect(valid).toBe(true);
          expect(got).toEqual(expected);
        } catch (error) {
          expect(valid).toBe(false);
          expectSafeError(error);
        }
      }),
      RUNS,
    );
  });

  it('parseJson on arbitrary strings never throws anything but a safe InputError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (noise) => {
        try {
          parseJson(`${noise}${SECRET}`, 'f.json');
        } catch (error) {
          expectSafeError(error);
        }
      }),
      RUNS,
    );
  });

  it('readLargeJson at any chunk size: the same list as JSON.parse, or a safe InputError', async () => {
    await fc.assert(
      fc.asyncProperty(damagedList, fc.integer({ min: 1, max: 64 }), async (text, chunk) => {
        const file = join(dir, `list-${n++}.json`);
        await writeFile(file, text);
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        try {
          const got = await readLargeJson(file, chunk);
          // The streaming reader may forgive what JSON.parse refuses (a trailing comma), never the reverse.
          if (valid) expect(got).toEqual(expected);
        } catch (error) {
          expect(valid).toBe(false);
          expectSafeError(error);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('objectsFromDocument on any parsed value: redacted objects or a safe InputError', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 5 }),
        fc.option(fc.constantFrom('Pod', 'Secret')),
        (value, kind) => {
          try {
            for (const object of objectsFromDocument(value, 'f.json', kind ?? undefined)) {
              if (object.kind === 'Secret') expect(object.data).toBeUndefined();
            }
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        },
      ),
      RUNS,
    );
  });
});
