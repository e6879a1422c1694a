// Exit codes: 0 done; 1 done and an automated requirement failed (gate CI on it); 2 bad input or usage; 3 unexpected error.
import type { Assessment } from '../model/assessment.js';

export const EXIT_OK = 0;
export const EXIT_FAILED_REQUIREMENTS = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNEXPECTED = 3;

/** The exit codes as --help shows them (README "Use" lists the same). */
export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  done, and at least one automated requirement failed (--no-fail turns this off; verify: the pack changed)
  2  bad input or usage: one line names the file, field or value at fault
  3  unexpected error: one line (the stack trace with --debug)`;

export function exitCodeFor(assessments: Assessment[], noFail: boolean): number {
  if (noFail) return EXIT_OK;
  const failed = assessments.some((a) =>
    a.results.some((r) => r.status === 'fail' && r.assessment === 'automated'),
  );
  return failed ? EXIT_FAILED_REQUIREMENTS : EXIT_OK;
}
