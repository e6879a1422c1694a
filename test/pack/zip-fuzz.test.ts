// Bounded fuzz of the ZIP reader and verify: mutated pack ZIPs end in a verdict or one clear refusal, never a crash.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../src/pack/verify.js';
import { writePack } from '../../src/pack/write-pack.js';
import { ZipRejected } from '../../src/pack/zip-read.js';
import { InputError } from '../../src/util/errors.js';
import { sampleAssessment, tempDir } from '../render/sample.js';

let original: Buffer;
let root: string;

beforeAll(async () => {
  root = await tempDir('zip-fuzz');
  const zip = join(root, 'pack.zip');
  // A small pack (assessment.json alone) keeps each run fast; the structure is the same as a full one.
  await writePack([await sampleAssessment()], { zip, formats: ['json'], lang: 'en' });
  original = await readFile(zip);
});

/** One mutation of the ZIP's bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 512 }),
  }),
  fc.record({
    kind: fc.constant('u32' as const),
    at: fc.nat(),
    value: fc.constantFrom(0, 1, 0x7fffffff, 0xfffffffe, 0xffffffff),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(bytes: Buffer, m: Mutation): Buffer {
  const at = m.at % Math.max(1, bytes.length);
  switch (m.kind) {
    case 'flip': {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ m.bits;
      return copy;
    }
    case 'truncate':
      return bytes.subarray(0, at);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    case 'duplicate':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + m.length), bytes.subarray(at)]);
    case 'u32': {
      const copy = Buffer.from(bytes);
      // Sizes, offsets and counts are where a reader is usually tricked: aim at header fields too.
      if (at + 4 <= copy.length) copy.writeUInt32LE(m.value, at);
      return copy;
    }
  }
}

describe('fuzzing verify with mutated pack ZIPs', () => {
  it(
    'every mutation gives a verdict or one refusal (ZipRejected / InputError), within bounds',
    { timeout: 240_000 },
    async () => {
      let counter = 0;
      const outcomes = { ok: 0, failed: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          const bytes = mutations.reduce(apply, original);
          const file = join(root, `m${counter++ % 8}.zip`);
          await writeFile(file, bytes);
          try {
            const report = await verifyPack(file);
            if (report.ok) {
              outcomes.ok++;
              // Passing is only allowed when every listed file is still there with its hash.
              expect(report.changed.length + report.added.length + report.removed.length).toBe(0);
            } else outcomes.failed++;
          } catch (error) {
            if (!(error instanceof ZipRejected || error instanceof InputError)) throw error;
            expect(error.message).not.toContain('\n');
            outcomes.refused++;
          }
        }),
        { numRuns: 300, seed: 13 },
      );
      // The fuzz must exercise the refusals, not only harmless bytes.
      expect(outcomes.refused).toBeGreaterThan(100);
    },
  );
});
