// Writes an evidence pack: snapshot copy, per-framework files in every format asked, manifest.json over every file, and optionally a ZIP.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
import { hashFiles, listFiles, type FileHash } from './hash.js';
import { buildManifest, MANIFEST_FILE, type Manifest, type PackReport } from './manifest.js';
import { createZip } from './zip.js';

export type PackFormat = OutputFormat;

export interface PackOptions {
  /** Pack directory; when absent (a ZIP only) a temporary directory is used and removed. */
  outDir?: string;
  zip?: string;
  formats: PackFormat[];
  lang: Lang;
  /** The snapshot directory the assessments were made from; copied, redacted, into snapshot/. */
  snapshotDir?: string;
  /** Called after each file is written, for progress lines. */
  onFile?: (path: string) => void;
}

export const SNAPSHOT_DIR = 'snapshot';

/**
 * One assessment: its files sit at the top of the pack. Several: one folder per framework id, sharing
 * snapshot/ and one manifest.json at the top (docs/evidence-pack.md).
 */
export async function writePack(assessments: Assessment[], options: PackOptions): Promise<Manifest> {
  const root = options.outDir ?? (await mkdtemp(join(tmpdir(), 'kube-evidence-pack-')));
  try {
    const manifest = await writeInto(root, assessments, options);
    if (options.zip) await writeZip(root, manifest, options.zip, assessments[0]!.generatedAt);
    if (options.zip) options.onFile?.(options.zip);
    return manifest;
  } finally {
    if (!options.outDir) await rm(root, { recursive: true, force: true });
  }
}

async function writeInto(root: string, assessments: Assessment[], options: PackOptions): Promise<Manifest> {
  const done = (path: string) => options.onFile?.(join(root, path));
  const files: FileHash[] = [];
  if (options.snapshotDir) {
    // A stale copy from an earlier run would mix two snapshots: start clean.
    await rm(join(root, SNAPSHOT_DIR), { recursive: true, force: true });
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
  for (const assessment of assessments) {
    const dir = assessments.length === 1 ? '' : assessment.framework.id;
    const at = (name: string) => (dir ? `${dir}/${name}` : name);
    const written: string[] = [];
    // The document id is the SHA-256 of assessment.json, hashed while it is written (or without writing it).
    let documentId = options.formats.includes('json') ? '' : assessmentDigest(assessment);
    // In the registry's order (cheapest first, so the machine formats exist even if printing fails); each later
    // file can list the earlier ones' hashes.
    for (const format of OUTPUT_FORMATS.filter((f) => options.formats.includes(f))) {
      const renderer: FormatRenderer = FORMAT_RENDERERS[format];
      const digest = await renderer.write(assessment, (name) => join(root, at(name)), {
        lang: options.lang,
        documentId,
        files: [...files],
      });
      if (format === 'json' && digest) documentId = digest;
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
  const manifest = buildManifest(assessments, reports, files, options.lang, new Date().toISOString());
  await writeFileAtomic(join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  done(MANIFEST_FILE);
  return manifest;
}

/** Zips exactly the manifest's files plus the manifest, so stray files in the directory stay out. */
async function writeZip(root: string, manifest: Manifest, zipFile: string, time: string): Promise<void> {
  const names = [...manifest.files.map((f) => f.path), MANIFEST_FILE];
  const present = new Set(await listFiles(root));
  const entries = [];
  for (const name of names)
    if (present.has(name)) entries.push({ name, data: await readFile(join(root, ...name.split('/'))) });
  await writeFileAtomic(zipFile, createZip(entries, new Date(time)));
}
