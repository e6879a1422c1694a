// Where each result's rows land in the Findings and Evidence sheets, known before any sheet is written.
import type { Assessment } from '../../model/assessment.js';

export interface RowPlan {
  /** First data row of each result in Findings (row 1 is the header); undefined when it has none. */
  findings: (number | undefined)[];
  evidence: (number | undefined)[];
  findingsRows: number;
  evidenceRows: number;
}

/** The streaming writer cannot go back, so links from Results are computed from the counts up front. */
export function planRows(assessment: Assessment): RowPlan {
  const findings: (number | undefined)[] = [];
  const evidence: (number | undefined)[] = [];
  let f = 2;
  let e = 2;
  for (const result of assessment.results) {
    findings.push(result.offenders.length > 0 ? f : undefined);
    evidence.push(result.evidence.length > 0 ? e : undefined);
    f += result.offenders.length;
    e += result.evidence.length;
  }
  return { findings, evidence, findingsRows: f - 2, evidenceRows: e - 2 };
}
