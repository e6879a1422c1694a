// Checks the parts of an assessment.json that a comparison relies on as they are read, naming the file and field when one is wrong.
import { validateAssessment } from '../render/json.js';
import { MAPPINGS, RESPONSIBILITIES, STATUSES } from '../model/status.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';
import type { ComparedAssessment, ComparedOffender, ComparedResult } from './compared.js';

/**
 * The document without its results (read apart, see read-assessment.ts): validateAssessment (render/json.ts)
 * checks the envelope, then what a comparison reads of it. Returns only that.
 */
export function checkEnvelope(raw: unknown, file: string): Omit<ComparedAssessment, 'results'> {
  const assessment = validateAssessment(raw, file);
  const doc = raw as Record<string, unknown>;
  const framework = doc.framework as Record<string, unknown>;
  const cluster = doc.cluster as Record<string, unknown>;
  if (typeof framework.id !== 'string' || framework.id === '')
    throw InputError.at(file, 'framework.id', 'expected a framework id');
  if (typeof cluster.name !== 'string' || cluster.name === '')
    throw InputError.at(file, 'cluster.name', 'expected the cluster name');
  if (!isRecord(doc.collection) || typeof doc.collection.collectedAt !== 'string') {
    throw InputError.at(file, 'collection.collectedAt', 'expected the time the facts were collected');
  }
  if (!Array.isArray(doc.sections)) throw InputError.at(file, 'sections', 'expected an array of sections');
  const { generatedAt, cluster: identity, profile, sections, summary } = assessment;
  return {
    generatedAt,
    cluster: identity,
    framework: assessment.framework,
    profile,
    sections,
    collection: { collectedAt: assessment.collection.collectedAt },
    summary: { counts: summary.counts, score: summary.score },
  };
}

/** One offending object: kind and name are what it is matched by. */
export function checkOffender(raw: unknown, file: string, field: string): ComparedOffender {
  if (!isRecord(raw) || typeof raw.kind !== 'string' || typeof raw.name !== 'string')
    throw InputError.at(file, field, 'expected an object with kind and name');
  const o = raw as unknown as ComparedOffender;
  return {
    kind: o.kind,
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    name: o.name,
    ...(o.container !== undefined ? { container: o.container } : {}),
    field: o.field,
    value: o.value,
  };
}

/**
 * One result (read with its evidence and offenders emptied, those given apart): what a comparison reads of it.
 * `evidence` and `offenders` stand in for the arrays the result held.
 */
export function checkResult(
  raw: unknown,
  index: number,
  file: string,
  evidence: ComparedResult['evidence'],
  offenders: ComparedOffender[],
): ComparedResult {
  const at = (field: string, expected: string) => InputError.at(file, `results[${index}].${field}`, expected);
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.status !== 'string')
    throw InputError.at(file, `results[${index}]`, 'expected a result with id and status');
  const r = raw;
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
  const result = raw as unknown as ComparedResult;
  const { mapping } = result;
  return {
    id: result.id,
    section: result.section,
    title: result.title,
    checks: result.checks,
    mapping: {
      mapping: mapping.mapping,
      responsibility: mapping.responsibility,
      ...(mapping.reason !== undefined ? { reason: mapping.reason } : {}),
    },
    status: result.status,
    dependsOnEnvironment: result.dependsOnEnvironment,
    reason: result.reason,
    evidence,
    offenders,
    offenderCount: result.offenderCount,
  };
}

/** Requirement ids are what sides are matched by: one given twice is refused. */
export function checkUniqueIds(results: ComparedResult[], file: string): void {
  const ids = new Set<string>();
  results.forEach((result, index) => {
    if (ids.has(result.id))
      throw InputError.at(file, `results[${index}].id`, `requirement ${result.id} appears twice`);
    ids.add(result.id);
  });
}
