// Checks the fields of an assessment.json that the comparison relies on, naming the file and field when one is wrong.
import type { Assessment } from '../model/assessment.js';
import { MAPPINGS, RESPONSIBILITIES, STATUSES } from '../model/status.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';

/** validateAssessment (render/json.ts) checks the envelope; this checks what a comparison reads from each result. */
export function validateForComparison(assessment: Assessment, file: string): Assessment {
  const raw = assessment as unknown as Record<string, unknown>;
  const framework = raw.framework as Record<string, unknown>;
  const cluster = raw.cluster as Record<string, unknown>;
  if (typeof framework.id !== 'string' || framework.id === '')
    throw InputError.at(file, 'framework.id', 'expected a framework id');
  if (typeof cluster.name !== 'string' || cluster.name === '')
    throw InputError.at(file, 'cluster.name', 'expected the cluster name');
  if (!isRecord(raw.collection) || typeof raw.collection.collectedAt !== 'string') {
    throw InputError.at(file, 'collection.collectedAt', 'expected the time the facts were collected');
  }
  if (!Array.isArray(raw.sections)) throw InputError.at(file, 'sections', 'expected an array of sections');
  assessment.results.forEach((result, index) => {
    const at = (field: string, expected: string) =>
      InputError.at(file, `results[${index}].${field}`, expected);
    const r = result as unknown as Record<string, unknown>;
    if (typeof r.section !== 'string') throw at('section', 'expected a section id');
    if (!Array.isArray(r.checks) || !r.checks.every((c) => typeof c === 'string'))
      throw at('checks', 'expected an array of check ids');
    if (!(STATUSES as readonly unknown[]).includes(r.status))
      throw at('status', `expected one of ${STATUSES.join(', ')}`);
    if (!isRecord(r.mapping)) throw at('mapping', 'expected an object with mapping and responsibility');
    if (!(MAPPINGS as readonly unknown[]).includes(r.mapping.mapping))
      throw at('mapping.mapping', `expected one of ${MAPPINGS.join(', ')}`);
    if (!(RESPONSIBILITIES as readonly unknown[]).includes(r.mapping.responsibility)) {
      throw at('mapping.responsibility', `expected one of ${RESPONSIBILITIES.join(', ')}`);
    }
    if (!Array.isArray(r.evidence)) throw at('evidence', 'expected an array');
    if (!Array.isArray(r.offenders)) throw at('offenders', 'expected an array');
    if (typeof r.offenderCount !== 'number') throw at('offenderCount', 'expected a number');
    r.offenders.forEach((o, j) => {
      if (!isRecord(o) || typeof o.kind !== 'string' || typeof o.name !== 'string')
        throw at(`offenders[${j}]`, 'expected an object with kind and name');
    });
  });
  const ids = new Set<string>();
  assessment.results.forEach((result, index) => {
    if (ids.has(result.id))
      throw InputError.at(file, `results[${index}].id`, `requirement ${result.id} appears twice`);
    ids.add(result.id);
  });
  return assessment;
}
