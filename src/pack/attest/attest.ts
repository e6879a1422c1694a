// `attest`: writes the auditor's verdicts from a reviewed workbook into the pack, as a new pack transaction.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Assessment, Review } from '../../model/assessment.js';
import { FORMAT_RENDERERS, OUTPUT_FORMATS, type OutputFormat } from '../../render/formats.js';
import { readAssessment } from '../../render/json.js';
import { InputError } from '../../util/errors.js';
import { hashFiles, sha256 } from '../hash.js';
import type { PackReport } from '../manifest.js';
import type { SigningKey } from '../sign/key.js';
import { PackTransaction } from '../transaction.js';
import { verifyPack } from '../verify.js';
import { writePack } from '../write-pack.js';
import { readReviewedWorkbook, verdictsFor } from './read-workbook.js';
import type { Lang } from '../../model/text.js';

/** A verdict stays valid for later runs this many days after its review date, unless the auditor says otherwise. */
export const DEFAULT_VALIDITY_DAYS = 365;

export interface AttestOptions {
  pack: string;
  workbook: string;
  signer?: SigningKey;
  validityDays?: number;
  /** Called after each file is written. */
  onFile?: (path: string) => void;
  now?: Date;
}

export interface AttestResult {
  framework: string;
  reviews: number;
  /** The document id the workbook was made for, and the pack's new one. */
  reviewedDocumentId: string;
  documentId: string;
  /** The pack was signed and no key was given: its manifest signature was removed. */
  signatureRemoved: boolean;
  signed: boolean;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function attestPack(options: AttestOptions): Promise<AttestResult> {
  const pack = resolve(options.pack);
  const validityDays = options.validityDays ?? DEFAULT_VALIDITY_DAYS;
  if (resolve(options.workbook).startsWith(pack + sep))
    throw InputError.at(
      options.workbook,
      '--workbook',
      'is inside the pack: copy the reviewed workbook out of the pack and give that copy (the pack’s own files stay as hashed)',
    );
  const transaction = await PackTransaction.begin({ outDir: pack, inputs: [options.workbook] });
  try {
    // Only an unchanged pack is attested (and perhaps signed again): a changed one is refused, not laundered.
    const checked = await verifyPack(pack);
    if (!checked.ok) {
      const first = [...checked.changed, ...checked.added, ...checked.removed, ...checked.refused][0];
      throw InputError.at(
        pack,
        first,
        'the pack changed since it was written (run `kube-evidence verify`); only an unchanged pack can be attested',
      );
    }
    const manifest = checked.manifest;
    const workbook = await readReviewedWorkbook(options.workbook);
    const assessments: Assessment[] = [];
    for (const report of manifest.reports) {
      const path = join(pack, report.dir, 'assessment.json');
      if (!report.files.includes(report.dir ? `${report.dir}/assessment.json` : 'assessment.json'))
        throw InputError.at(
          pack,
          report.framework.id,
          'the pack has no assessment.json to record the verdicts in (write it with --format json)',
        );
      assessments.push(await readAssessment(path));
    }
    const index = manifest.reports.findIndex(
      (r, i) =>
        r.documentId === workbook.documentId ||
        (assessments[i]!.attestation?.earlierDocumentIds ?? []).includes(workbook.documentId),
    );
    if (index < 0)
      throw InputError.at(
        workbook.file,
        'About, document identifier',
        `${workbook.documentId.slice(0, 16)}… is not the document of any report in ${basename(pack)} (${manifest.reports.map((r) => r.documentId.slice(0, 16) + '…').join(', ')}): the workbook no longer matches the pack`,
      );
    const report = manifest.reports[index]!;
    const assessment = assessments[index]!;
    const verdicts = verdictsFor(workbook, assessment);
    const previous = new Map(assessment.results.map((r, i) => [i, r.review]));
    for (const result of assessment.results) delete result.review;
    for (const v of verdicts) {
      const review: Review = {
        verdict: v.verdict,
        reviewer: v.reviewer,
        date: v.date,
        ...(v.comment ? { comment: v.comment } : {}),
        expires: addDays(v.date, validityDays),
      };
      // A verdict left as it was (e.g. carried from an earlier pack) keeps its origin and expiry.
      const old = previous.get(v.index);
      const same =
        old &&
        old.verdict === review.verdict &&
        old.reviewer === review.reviewer &&
        old.date === review.date &&
        (old.comment ?? '') === (review.comment ?? '');
      assessment.results[v.index]!.review = same ? old : review;
    }
    assessment.attestation = {
      attestedAt: (options.now ?? new Date()).toISOString(),
      workbook: { file: workbook.file, sha256: sha256(await readFile(options.workbook)) },
      reviewedDocumentId: workbook.documentId,
      earlierDocumentIds: [
        ...new Set([...(assessment.attestation?.earlierDocumentIds ?? []), report.documentId]),
      ],
      validityDays,
      reviews: verdicts.length,
    };

    // The pack's other files are copied unchanged into the new transaction; this report's files are written again.
    const at = (name: string) => (report.dir ? `${report.dir}/${name}` : name);
    const rewritten = new Set(report.files);
    const copied = manifest.files.map((f) => f.path).filter((p) => !rewritten.has(p));
    for (const path of copied) {
      await mkdir(dirname(join(transaction.staging, path)), { recursive: true });
      await copyFile(join(pack, path), join(transaction.staging, path));
    }
    const formats = OUTPUT_FORMATS.filter((f: OutputFormat) =>
      FORMAT_RENDERERS[f].files.every((name) => rewritten.has(at(name))),
    );
    const keepReports = new Map<string, PackReport>(
      manifest.reports.filter((_, i) => i !== index).map((r) => [r.framework.id, r]),
    );
    const written = await writePack(assessments, {
      outDir: pack,
      transaction,
      formats,
      lang: manifest.lang as Lang,
      signer: options.signer,
      existingFiles: await hashFiles(transaction.staging, copied),
      keepReports,
      onFile: options.onFile,
    });
    return {
      framework: report.framework.id,
      reviews: verdicts.length,
      reviewedDocumentId: workbook.documentId,
      documentId: written.reports[index]!.documentId,
      signatureRemoved: !!checked.signature && !options.signer,
      signed: !!options.signer,
    };
  } finally {
    await transaction.end();
  }
}
