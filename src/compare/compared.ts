// What a comparison reads of an assessment: the envelope and, per result, status, mapping, evidence and offenders.
import type { Assessment, AssessmentSummary, RequirementResult, ResultMapping } from '../model/assessment.js';
import type { Offender } from '../model/check.js';

/** An offending object as a comparison matches it (its waiver is not read). */
export type ComparedOffender = Pick<
  Offender,
  'kind' | 'namespace' | 'name' | 'container' | 'field' | 'value'
>;

/**
 * One requirement's result without what a comparison never shows (remediation, procedure, waiver, review,
 * how the mapping was decided): at 150,000 pods those would be most of what is read.
 */
export interface ComparedResult extends Pick<
  RequirementResult,
  | 'id'
  | 'section'
  | 'title'
  | 'checks'
  | 'status'
  | 'dependsOnEnvironment'
  | 'reason'
  | 'evidence'
  | 'offenderCount'
> {
  mapping: Pick<ResultMapping, 'mapping' | 'responsibility' | 'reason'>;
  offenders: ComparedOffender[];
}

/** An assessment as compared: a whole Assessment is one too, so tests may pass one read with JSON.parse. */
export interface ComparedAssessment extends Pick<
  Assessment,
  'generatedAt' | 'cluster' | 'framework' | 'profile' | 'sections'
> {
  collection: Pick<Assessment['collection'], 'collectedAt'>;
  summary: Pick<AssessmentSummary, 'counts' | 'score'>;
  results: ComparedResult[];
}
