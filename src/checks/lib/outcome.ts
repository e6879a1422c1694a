// Small builders for check outcomes, so every check states its reason in both languages.
import type { CheckOutcome, Evidence, Offender } from '../../model/check.js';
import type { Text } from '../../model/text.js';

export const pass = (reason: Text, evidence: Evidence[] = []): CheckOutcome => ({
  status: 'pass',
  reason,
  evidence,
});
export const fail = (reason: Text, evidence: Evidence[] = [], offenders?: Offender[]): CheckOutcome => ({
  status: 'fail',
  reason,
  evidence,
  offenders,
});
export const manual = (reason: Text, evidence: Evidence[] = [], offenders?: Offender[]): CheckOutcome => ({
  status: 'manual',
  reason,
  evidence,
  offenders,
});
export const notApplicable = (reason: Text, evidence: Evidence[] = []): CheckOutcome => ({
  status: 'not-applicable',
  reason,
  evidence,
});
