// Writes an evidence pack as a transaction: snapshot copy, per-framework files in every format asked (the format
// registry, src/render/formats.ts), manifest.json over every file, optionally signed and a ZIP.
import { join } from 'node:path';
import type { Assessment } from '../model/assessment.js';
import type { Lang } from '../model/text.js';
import {
  FORMAT_RENDERERS,
  OUTPUT_FORMATS,
  type FormatRenderer,
  type OutputFormat,
} from '../render/formats.js';
import { assessmentDigest } from '../render/json.js';
import { writeFileAtomic } from '../util/fs.js';
import { copySnapshot } from './copy-snapshot.js';
import { hashFiles, walkPack, type FileHash } from './hash.js';
import { buildManifest, MANIFEST_FILE, type Manifest, type PackReport } from './manifest.js';
import { PackTransaction } from './transaction.js';
import type { SigningKey } from './sign/key.js';
import { SIGNATURE_FILE } from './sign/files.js';
import { signManifest } from './sign/jws.js';
import { signPdf } from './sign/pdf-sign.js';
import { writeZip } from './zip-write.js';
import { BrowserStartError } from '../render/launch-browser.js';
import { releaseGarbage } from '../util/heap.js';

export type PackFormat = OutputFormat;

export interface PackOptions {
  /** Pack directory; when absent (a ZIP only) the pack is built in a temporary directory beside the ZIP. */
  outDir?: string;
  zip?: string;
  /** Replace an --out that is not a kube-evidence pack. */
  force?: boolean;
  /** Files the run read (waivers, assessment): refused when inside --out. The snapshot is added. */
  inputs?: string[];
  /** A transaction the caller began (and will end), e.g. to collect into one of its scratch paths first. */
  transaction?: PackTransaction;
  formats: PackFormat[];
  lang: Lang;
  /** The snapshot directory the assessments were made from; copied, redacted, into snapshot/. */
  snapshotDir?: string;
  /**
   * The snapshot copy already in the transaction's staging snapshot/, written while the snapshot was loaded
   * (src/pack/copy-while-loading.ts), with its hashes: used instead of copying `snapshotDir` again.
   */
  snapshotCopy?: FileHash[];
  /** Called after each file is written, for progress lines. */
  onFile?: (path: string) => void;
  /** Signs every PDF and manifest.json (manifest.jws) with this key. */
  signer?: SigningKey;
  /**
   * The browser failed to start: the pack is finished without PDFs (JSON and workbook written and hashed)
   * and this is called once with the reason. Without it, the failure is thrown.
   */
  onPdfFailed?: (reason: string) => void;
  /** Called after each PDF is printed, with its page count. */
  onPrinted?: (pages: number) => void;
  /**
   * Files the caller already put into the transaction's staging directory (attest: the pack's unchanged files),
   * with their hashes: listed before the rendered files, as the snapshot is.
   */
  existingFiles?: FileHash[];
  /** Reports kept as they were (attest: the frameworks not reviewed), by framework id: not rendered again. */
  keepReports?: Map<string, PackReport>;
}

export const SNAPSHOT_DIR = 'snapshot';

/**
 * One assessment: its files sit at the top of the pack. Several: one folder per framework id, sharing
 * snapshot/ and one manifest.json at the top (docs/evidence-pack.md).
 */
export async function writePack(assessments: Assessment[], options: PackOptions): Promise<Manifest> {
  const transaction =
    options.transaction ??
    (await PackTransaction.begin({
      outDir: options.outDir,
      zip: options.zip,
      force: options.force,
      inputs: [...(options.inputs ?? []), ...(options.snapshotDir ? [options.snapshotDir] : [])],
    }));
  try {
    // Progress lines name where each file will be once the pack is swapped in, not the staging path.
    const shown = options.outDir ?? options.zip ?? '';
    const manifest = await writeInto(transaction.staging, assessments, {
      ...options,
      onFile: (path) => options.onFile?.(join(shown, path)),
    });
    if (options.zip) {
      const names = [
        ...manifest.files.map((f) => f.path),
        MANIFEST_FILE,
        ...(options.signer ? [SIGNATURE_FILE] : []),
      ];
      await writeZip(
        transaction.staging,
        names,
        options.zip,
        new Date(assessments[0]!.generatedAt),
        transaction.scratch(),
      );
      options.onFile?.(options.zip);
    }
    await transaction.commit();
    return manifest;
  } finally {
    if (!options.transaction) await transaction.end();
  }
}

async function writeInto(root: string, assessments: Assessment[], options: PackOptions): Promise<Manifest> {
  const done = (path: string) => options.onFile?.(path);
  const files: FileHash[] = [...(options.existingFiles ?? [])];
  if (options.snapshotCopy) {
    files.push(...options.snapshotCopy.map((f) => ({ ...f, path: `${SNAPSHOT_DIR}/${f.path}` })));
    done(`${SNAPSHOT_DIR}/`);
  } else if (options.snapshotDir) {
    const copied = await copySnapshot(options.snapshotDir, join(root, SNAPSHOT_DIR));
    files.push(
      ...(await hashFiles(
        root,
        copied.map((p) => `${SNAPSHOT_DIR}/${p}`),
      )),
    );
    done(`${SNAPSHOT_DIR}/`);
  }
  const reports: PackReport[] = [];
  let printPdf = options.formats.includes('pdf');
  for (const assessment of assessments) {
    const kept = options.keepReports?.get(assessment.framework.id);
    if (kept) {
      reports.push(kept);
      continue;
    }
    const dir = assessments.length === 1 ? '' : assessment.framework.id;
    const at = (name: string) => (dir ? `${dir}/${name}` : name);
    const written: string[] = [];
    // The document id is the SHA-256 of assessment.json, hashed while it is written (or without writing it).
    let documentId = options.formats.includes('json') ? '' : assessmentDigest(assessment);
    // In the registry's order (cheapest first, so the machine formats exist even if printing fails); each later
    // file can list the earlier ones' hashes.
    for (const format of OUTPUT_FORMATS.filter((f) => options.formats.includes(f))) {
      if (format === 'pdf' && !printPdf) continue;
      const renderer: FormatRenderer = FORMAT_RENDERERS[format];
      let digest: string | void;
      try {
        digest = await renderer.write(assessment, (name) => join(root, at(name)), {
          lang: options.lang,
          documentId,
          files: [...files],
          onPrinted: options.onPrinted,
        });
      } catch (error) {
        // The browser failed to start: finish the pack without PDFs (once reported, no later framework tries again).
        if (format !== 'pdf' || !(error instanceof BrowserStartError) || !options.onPdfFailed) throw error;
        options.onPdfFailed(error.message);
        printPdf = false;
        continue;
      }
      if (format === 'json' && digest) documentId = digest;
      // A writer's strings and rows are garbage now; collected before the next writer adds its own.
      releaseGarbage();
      // Signed before it is hashed, so the manifest lists the signed PDF.
      if (format === 'pdf' && options.signer)
        await signPdf(
          join(root, at('report.pdf')),
          options.signer,
          `kube-evidence report ${assessment.framework.id}, document ${documentId}`,
          new Date(assessment.generatedAt),
        );
      const paths = renderer.files.map(at);
      files.push(...(await hashFiles(root, paths)));
      written.push(...paths);
      paths.forEach(done);
    }
    reports.push({
      framework: assessment.framework,
      dir,
      documentId,
      generatedAt: assessment.generatedAt,
      score: assessment.summary.score,
      files: written,
    });
  }
  // Every file in the pack is hashed, whatever wrote it (the renderers above, or any added later).
  const known = new Map(files.map((f) => [f.path, f]));
  const all = await walkPack(root);
  if (all.refused.length > 0) throw new Error(`the pack may hold regular files only (${all.refused[0]})`);
  const listed: FileHash[] = [];
  for (const path of all.files.filter((p) => p !== MANIFEST_FILE))
    listed.push(known.get(path) ?? (await hashFiles(root, [path]))[0]!);
  const manifest = buildManifest(assessments, reports, listed, options.lang, new Date().toISOString());
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFileAtomic(join(root, MANIFEST_FILE), manifestText);
  if (options.signer)
    await writeFileAtomic(join(root, SIGNATURE_FILE), signManifest(manifestText, options.signer));
  done(MANIFEST_FILE);
  return manifest;
}
