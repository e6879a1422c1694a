// Reads an assessment.json for a comparison as a stream: each result, offender and evidence item parsed alone, only what a comparison reads kept.
import { createHash } from 'node:crypto';
import type { Evidence } from '../model/check.js';
import { InputError } from '../util/errors.js';
import { splitJsonFile, type SplitItem, type SplitLimits } from '../util/json-split.js';
import type { ComparedAssessment, ComparedOffender, ComparedResult } from './compared.js';
import { checkEnvelope, checkOffender, checkResult, checkUniqueIds } from './validate-side.js';

/**
 * Bounds on one assessment.json read for a comparison. The largest real one (CIS Kubernetes at 150,000 pods,
 * 5,000 nodes, 20,000 RBAC objects) is 88 MB, its largest offender or evidence item about 1.3 kB, and a result
 * without its offenders and evidence a few kB; each bound sits far above, and below what would exhaust memory.
 */
export const ASSESSMENT_LIMITS: SplitLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxItemBytes: 16 * 1024 * 1024,
  maxSkeletonBytes: 16 * 1024 * 1024,
};

/**
 * Arrays read element by element. Results, their offenders and evidence are most of the file; the sources, gaps,
 * waivers and cluster configuration grow with the cluster too and a comparison reads none of them.
 */
const SPLIT = [
  'results[]',
  'results[].offenders[]',
  'results[].evidence[]',
  'collection.sources[]',
  'collection.gaps[]',
  'waivers[]',
  'clusterConfiguration[]',
];

export interface ReadAssessment {
  assessment: ComparedAssessment;
  /** SHA-256 of the file's bytes, as read. */
  sha256: string;
}

/**
 * Reads `file` without ever holding it whole: a 150,000-pod assessment.json is 88 MB of text and four times that
 * as parsed objects, of which a comparison reads a fraction. Bad input is one InputError naming the file and field.
 */
export async function readAssessmentForComparison(
  file: string,
  limits: SplitLimits = ASSESSMENT_LIMITS,
): Promise<ReadAssessment> {
  const hash = createHash('sha256');
  const results: ComparedResult[] = [];
  let evidence: Evidence[] = [];
  let offenders: ComparedOffender[] = [];
  // A result's items come before the result. The first bad one is kept until the envelope has been checked,
  // so a file that is not an assessment at all is reported as that, not as its first odd-looking element.
  let problem: InputError | undefined;
  const onItem = (item: SplitItem) => {
    if (problem) return;
    try {
      take(item);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problem = error;
    }
  };
  const take = ({ path, indices, value }: SplitItem) => {
    const [index = 0, j = 0] = indices;
    if (path === 'results[].offenders[]')
      offenders.push(checkOffender(value, file, `results[${index}].offenders[${j}]`));
    else if (path === 'results[].evidence[]') evidence.push(value as Evidence);
    else if (path === 'results[]') {
      results.push(checkResult(value, index, file, evidence, offenders));
      evidence = [];
      offenders = [];
    }
  };
  const skeleton = await splitJsonFile(file, SPLIT, onItem, limits, (bytes) => hash.update(bytes));
  const envelope = checkEnvelope(skeleton, file);
  if (problem) throw problem;
  checkUniqueIds(results, file);
  return { assessment: { ...envelope, results }, sha256: hash.digest('hex') };
}
