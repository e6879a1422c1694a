// Exit codes: 0 done; 1 done and an automated requirement failed (gate CI on it); 2 bad input or usage; 3 unexpected error; 4 pack without its PDF.
import type { Assessment } from '../model/assessment.js';

export const EXIT_OK = 0;
export const EXIT_FAILED_REQUIREMENTS = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNEXPECTED = 3;
/** The pack was written and hashed without its PDF: the browser failed to start (or crashed). */
export const EXIT_PDF_MISSING = 4;

/** Shown after every command's --help; README.md "Use" lists the same. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  done, and at least one automated requirement failed (--no-fail turns this off;
     compare: a regression with --fail-on-regression; verify: the pack changed, is not a strictly
     well-formed ZIP, or a signature fails)
  2  bad input or usage: one line names the file, field or value at fault (also: inputs beyond the tool's
     bounds, --out locked by another run, not a pack without --force, or holding the input)
  3  unexpected error: one line (the stack trace with --debug)
  4  the pack was written and hashed without its PDF: the browser failed to start

Environment:
  KUBE_EVIDENCE_LANG    default for --lang (zh or en)
  KUBE_EVIDENCE_CHROME  the Chrome or Chromium that prints the PDF`;

export function exitCodeFor(assessments: Assessment[], noFail: boolean): number {
  if (noFail) return EXIT_OK;
  const failed = assessments.some((a) =>
    a.results.some((r) => r.status === 'fail' && r.assessment === 'automated'),
  );
  return failed ? EXIT_FAILED_REQUIREMENTS : EXIT_OK;
}
