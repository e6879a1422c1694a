// Writes assessment.json atomically, and reads one back with a check of its schema and version.
import type { Assessment } from '../model/assessment.js';
import { ASSESSMENT_SCHEMA, ASSESSMENT_SCHEMA_VERSION } from '../model/assessment.js';
import { InputError } from '../util/errors.js';
import { createHash } from 'node:crypto';
import { isRecord, writeChunksAtomic } from '../util/fs.js';
import { splitJsonFile, type SplitItem } from '../util/json-split.js';

/**
 * assessment.json as text chunks: the assessment without its results, then each result, with its offending objects
 * one at a time. No chunk is large (a result of a 150,000-pod cluster can list as many objects), so memory holds
 * small, short-lived strings instead of one ~100 MB document. Indented like JSON.stringify(…, null, 2), with
 * `results` last in the document and `offenders` last in each result.
 */
export function* assessmentJsonChunks(assessment: Assessment): Generator<string> {
  const { results, ...rest } = assessment;
  yield `${JSON.stringify(rest, null, 2).slice(0, -2)},\n  "results": [`;
  for (let i = 0; i < results.length; i++) {
    const { offenders, ...head } = results[i]!;
    const headJson = indent(JSON.stringify(head, null, 2), '    ');
    yield `${i === 0 ? '' : ','}\n    ${headJson.slice(0, -6)},\n      "offenders": [`;
    for (let j = 0; j < offenders.length; j++) {
      yield `${j === 0 ? '' : ','}\n        ${indent(JSON.stringify(offenders[j], null, 2), '        ')}`;
    }
    yield `${offenders.length > 0 ? '\n      ' : ''}]\n    }`;
  }
  yield `${results.length > 0 ? '\n  ' : ''}]\n}\n`;
}

function indent(json: string, prefix: string): string {
  return json.replace(/\n/g, `\n${prefix}`);
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

/** The largest assessment.json read back: CIS Kubernetes at 150,000 pods is about 90 MB; far above, far below memory. */
const READ_LIMITS = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxItemBytes: 16 * 1024 * 1024,
  maxSkeletonBytes: 16 * 1024 * 1024,
};

/**
 * Reads an assessment.json written by this tool (render, fleet). Results, offenders and evidence are parsed one
 * element at a time, so a 150,000-pod assessment never becomes one 90 MB string (readJsonFile's 64 MiB bound
 * refused them). Bad input is one InputError naming the file and the field.
 */
export async function readAssessment(file: string): Promise<Assessment> {
  const results: unknown[] = [];
  let offenders: unknown[] = [];
  let evidence: unknown[] = [];
  const onItem = ({ path, value }: SplitItem) => {
    if (path === 'results[].offenders[]') offenders.push(value);
    else if (path === 'results[].evidence[]') evidence.push(value);
    else {
      // A result arrives after its own offenders and evidence, with both arrays left empty.
      if (isRecord(value)) {
        if (Array.isArray(value.offenders)) value.offenders = offenders;
        if (Array.isArray(value.evidence)) value.evidence = evidence;
      }
      results.push(value);
      offenders = [];
      evidence = [];
    }
  };
  const raw = await splitJsonFile(
    file,
    ['results[]', 'results[].offenders[]', 'results[].evidence[]'],
    onItem,
    READ_LIMITS,
  );
  if (isRecord(raw) && Array.isArray(raw.results)) raw.results = results;
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
