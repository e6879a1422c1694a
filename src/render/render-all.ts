// Renders assessments into an evidence pack in the formats asked; a missing browser skips only the PDF.
import type { Assessment } from '../model/assessment.js';
import type { Lang } from '../model/text.js';
import type { OutputFormat } from '../cli/options.js';
import { log, warn } from '../cli/log.js';
import type { Progress } from '../cli/progress.js';
import { EXIT_PDF_MISSING, EXIT_USAGE } from '../cli/exit-codes.js';
import type { SigningKey } from '../pack/sign/key.js';
import type { FileHash } from '../pack/hash.js';
import type { PackTransaction } from '../pack/transaction.js';
import { writePack } from '../pack/write-pack.js';
import { releaseGarbage } from '../util/heap.js';
import { BROWSER_HINT, findBrowser } from './browser.js';

export interface RenderOptions {
  /** Pack directory; optional when `zip` is given. */
  outDir?: string;
  /** Also (or only) write the pack as this ZIP file. */
  zip?: string;
  formats: OutputFormat[];
  lang: Lang;
  /** Snapshot the assessments were made from: copied, redacted, into the pack. */
  snapshotDir?: string;
  /** Its copy, already written into the transaction's staging snapshot/ while it was loaded, with hashes. */
  snapshotCopy?: FileHash[];
  /** Replace an --out that is not a kube-evidence pack. */
  force?: boolean;
  /** Other files the run read: refused when inside --out. */
  inputs?: string[];
  /** A pack transaction the caller began (scan collects into it first). */
  transaction?: PackTransaction;
  /** Signs the PDFs and manifest.json. */
  signer?: SigningKey;
  /** Counts files written and pages printed on the command's progress display. */
  progress?: Progress;
}

/**
 * Writes the pack: one assessment goes straight into the pack's top, several go into <framework id>/
 * folders sharing snapshot/ and manifest.json. Returns EXIT_USAGE when only a PDF was asked and no browser exists or starts.
 */
export async function renderAll(
  assessments: Assessment[],
  options: RenderOptions,
): Promise<number | undefined> {
  let formats = options.formats;
  if (formats.includes('pdf')) {
    const browser = findBrowser();
    if (!browser.path) {
      warn(`kube-evidence: ${browser.problem ?? BROWSER_HINT}; the PDF was not written`);
      formats = formats.filter((f) => f !== 'pdf');
      if (formats.length === 0) return EXIT_USAGE;
    }
  }
  // The caller's facts (hundreds of MB on a large cluster) are out of reach once the assessments exist.
  releaseGarbage();
  let pdfFailed = false;
  let written = 0;
  // One file per format and framework, plus the snapshot copy and manifest.json.
  options.progress?.stage(
    'write evidence pack',
    assessments.length * formats.length + (options.snapshotDir || options.snapshotCopy ? 2 : 1),
  );
  const manifest = await writePack(assessments, {
    ...options,
    formats,
    onFile: (path) => {
      log(`wrote ${path}`);
      options.progress?.advance(++written);
    },
    onPrinted: (pages) => options.progress?.count({ pages }),
    // With other formats asked, a browser that fails to start costs only the PDF (exit EXIT_PDF_MISSING);
    // with the PDF alone the error ends the run and nothing is written.
    onPdfFailed:
      formats.length > 1
        ? (reason) => {
            pdfFailed = true;
            warn(`kube-evidence: ${reason}; the pack was written without the PDF (exit ${EXIT_PDF_MISSING})`);
          }
        : undefined,
  });
  log(
    `evidence pack: ${manifest.files.length} files hashed in manifest.json; check it with \`kube-evidence verify\``,
  );
  return pdfFailed ? EXIT_PDF_MISSING : undefined;
}
