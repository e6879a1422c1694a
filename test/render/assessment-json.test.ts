// assessment.json is written in chunks, one result at a time, yet reads back as the same assessment with a known hash.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Assessment } from '../../src/model/assessment.js';
import {
  assessmentDigest,
  assessmentJsonChunks,
  readAssessment,
  writeAssessment,
} from '../../src/render/json.js';

let dir: string;
let assessment: Assessment;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ke-json-'));
  assessment = evaluate(await loadSnapshot('samples/kubeadm-lab'), await loadCatalogue(), {
    framework: 'cis-kubernetes-1.11.1',
    profile: 'kubeadm',
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('assessment.json', () => {
  it('reads back as exactly the assessment that was written', async () => {
    const file = join(dir, 'assessment.json');
    await writeAssessment(assessment, file);
    expect(await readAssessment(file)).toEqual(JSON.parse(JSON.stringify(assessment)));
  });

  it('returns the SHA-256 of the bytes written, the same as assessmentDigest', async () => {
    const file = join(dir, 'digest.json');
    const digest = await writeAssessment(assessment, file);
    expect(digest).toBe(
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
    expect(assessmentDigest(assessment)).toBe(digest);
  });

  it('is written in small chunks, indented like JSON.stringify(…, null, 2)', () => {
    const chunks = [...assessmentJsonChunks(assessment)];
    const offenders = assessment.results.reduce((n, r) => n + r.offenders.length, 0);
    expect(offenders).toBeGreaterThan(0);
    expect(chunks.length).toBe(2 + 2 * assessment.results.length + offenders);
    // Same text as stringifying the whole document with results last and offenders last in each result.
    const { results, ...rest } = assessment;
    const reordered = {
      ...rest,
      results: results.map(({ offenders: o, ...head }) => ({ ...head, offenders: o })),
    };
    expect(chunks.join('')).toBe(`${JSON.stringify(reordered, null, 2)}\n`);
  });

  it('handles an assessment with no results', () => {
    const empty = { ...assessment, results: [] };
    expect(JSON.parse([...assessmentJsonChunks(empty)].join(''))).toEqual(JSON.parse(JSON.stringify(empty)));
  });
});
