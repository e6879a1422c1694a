// Exit codes: 0 done; 1 done and an automated requirement failed (gate CI on it); 2 bad input or usage; 4 pack without its PDF.
import type { Assessment } from '../model/assessment.js';

export const EXIT_OK = 0;
export const EXIT_FAILED_REQUIREMENTS = 1;
export const EXIT_USAGE = 2;
/** The pack was written and hashed without its PDF: the browser failed to start (or crashed). */
export const EXIT_PDF_MISSING = 4;

export function exitCodeFor(assessments: Assessment[], noFail: boolean): number {
  if (noFail) return EXIT_OK;
  const failed = assessments.some((a) =>
    a.results.some((r) => r.status === 'fail' && r.assessment === 'automated'),
  );
  return failed ? EXIT_FAILED_REQUIREMENTS : EXIT_OK;
}
