// Writes assessment.json atomically, and reads one back with a check of its schema and version.
import type { Assessment } from '../model/assessment.js';
import { ASSESSMENT_SCHEMA, ASSESSMENT_SCHEMA_VERSION } from '../model/assessment.js';
import { InputError } from '../util/errors.js';
import { createHash } from 'node:crypto';
import { isRecord, readJsonFile, writeChunksAtomic } from '../util/fs.js';

/**
 * assessment.json as text chunks: the assessment without its results, then one result at a time, so memory holds
 * one result's text rather than the whole document (about 100 MB at 150,000 pods). Same indentation as
 * JSON.stringify(assessment, null, 2), with `results` last.
 */
export function* assessmentJsonChunks(assessment: Assessment): Generator<string> {
  const { results, ...rest } = assessment;
  const head = JSON.stringify(rest, null, 2);
  yield `${head.slice(0, -2)},\n  "results": [`;
  for (let i = 0; i < results.length; i++) {
    yield `${i === 0 ? '' : ','}\n    ${JSON.stringify(results[i], null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield `${results.length > 0 ? '\n  ' : ''}]\n}\n`;
}

/** SHA-256 of assessment.json as this tool writes it: the pack's document identifier. */
export function assessmentDigest(assessment: Assessment): string {
  const hash = createHash('sha256');
  for (const chunk of assessmentJsonChunks(assessment)) hash.update(chunk);
  return hash.digest('hex');
}

/** Writes assessment.json atomically and returns its SHA-256. */
export async function writeAssessment(assessment: Assessment, file: string): Promise<string> {
  const hash = createHash('sha256');
  await writeChunksAtomic(
    file,
    (function* () {
      for (const chunk of assessmentJsonChunks(assessment)) {
        hash.update(chunk);
        yield chunk;
      }
    })(),
  );
  return hash.digest('hex');
}

export async function readAssessment(file: string): Promise<Assessment> {
  const raw = await readJsonFile(file);
  return validateAssessment(raw, file);
}

export function validateAssessment(raw: unknown, file: string): Assessment {
  if (!isRecord(raw)) throw InputError.at(file, undefined, 'expected an assessment.json object');
  if (raw.schema !== ASSESSMENT_SCHEMA)
    throw InputError.at(
      file,
      'schema',
      `expected "${ASSESSMENT_SCHEMA}" (is this an assessment.json written by kube-evidence?)`,
    );
  if (typeof raw.schemaVersion !== 'number' || raw.schemaVersion > ASSESSMENT_SCHEMA_VERSION) {
    throw InputError.at(
      file,
      'schemaVersion',
      `expected ${ASSESSMENT_SCHEMA_VERSION} or lower (written by a newer kube-evidence?)`,
    );
  }
  if (!Array.isArray(raw.results)) throw InputError.at(file, 'results', 'expected an array');
  for (const [key, expected] of [
    ['framework', 'an object with id'],
    ['profile', 'an object with id'],
    ['cluster', 'an object with name'],
    ['summary', 'an object'],
  ] as const) {
    if (!isRecord(raw[key])) throw InputError.at(file, key, `expected ${expected}`);
  }
  raw.results.forEach((result, index) => {
    if (!isRecord(result) || typeof result.id !== 'string' || typeof result.status !== 'string') {
      throw InputError.at(file, `results[${index}]`, 'expected a result with id and status');
    }
  });
  return raw as unknown as Assessment;
}
