// Writes assessment.json atomically, and reads one back with a check of its schema and version.
import type { Assessment } from '../model/assessment.js';
import { ASSESSMENT_SCHEMA, ASSESSMENT_SCHEMA_VERSION } from '../model/assessment.js';
import { InputError } from '../util/errors.js';
import { isRecord, readJsonFile, writeFileAtomic } from '../util/fs.js';

export function assessmentJson(assessment: Assessment): string {
  return `${JSON.stringify(assessment, null, 2)}\n`;
}

export async function writeAssessment(assessment: Assessment, file: string): Promise<void> {
  await writeFileAtomic(file, assessmentJson(assessment));
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
