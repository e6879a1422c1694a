// Verifies an evidence pack (directory or ZIP): every file listed and unchanged, nothing else present, no links.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { parseJson } from '../util/fs.js';
import {
  HASH_PARALLEL,
  hashBuffers,
  hashOpenFile,
  mapLimit,
  openNoFollow,
  sha256,
  walkPack,
  type FileHash,
  type HashBuffers,
} from './hash.js';
import { MANIFEST_FILE, MAX_MANIFEST_BYTES, parseManifest, type Manifest } from './manifest.js';
import { SIGNATURE_FILE } from './sign/files.js';
import { StrictZip, ZipRejected } from './zip-read.js';

export interface VerifyReport {
  manifest: Manifest;
  /** manifest.json exactly as stored: what a signature covers. */
  manifestText: string;
  /** SHA-256 of manifest.json itself: record it elsewhere to protect the manifest too. */
  manifestSha256: string;
  /** The detached signature over manifest.json (manifest.jws), when the pack carries one. */
  signature?: string;
  checked: number;
  changed: string[];
  added: string[];
  removed: string[];
  /** Entries that may not be in a pack at all: symlinks, devices, sockets. */
  refused: string[];
  /** The pack's PDFs (unchanged ones only), kept when the pack is signed, for their signatures. */
  pdfs: Map<string, Buffer>;
  ok: boolean;
}

/** Files a pack may hold besides those its manifest lists. */
const OUTSIDE_MANIFEST = new Set([MANIFEST_FILE, SIGNATURE_FILE]);

const isPdf = (path: string) => /\.pdf$/i.test(path);
/** A signed PDF is read whole to check its signature. */
const MAX_PDF_BYTES = 1024 * 1024 * 1024;

/** Reads and checks a pack. A ZIP that is not strictly well-formed throws ZipRejected. */
export async function verifyPack(pack: string): Promise<VerifyReport> {
  const info = await lstat(pack).catch(() => undefined);
  if (!info) throw InputError.at(pack, undefined, 'evidence pack not found (expected a directory or a .zip)');
  if (info.isSymbolicLink())
    throw InputError.at(pack, undefined, 'is a symlink; give the pack directory or ZIP itself');
  return info.isDirectory() ? verifyDirectory(pack) : verifyZip(pack);
}

export function compare(
  manifest: Manifest,
  manifestText: string,
  actual: FileHash[],
  refused: string[] = [],
  signature?: string,
  pdfs: Map<string, Buffer> = new Map(),
): VerifyReport {
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  const found = new Map(actual.map((f) => [f.path, f]));
  const changed = manifest.files
    .filter((f) => {
      const seen = found.get(f.path);
      return seen !== undefined && (seen.sha256 !== f.sha256 || seen.size !== f.size);
    })
    .map((f) => f.path);
  const removed = manifest.files.filter((f) => !found.has(f.path)).map((f) => f.path);
  const added = actual.filter((f) => !expected.has(f.path)).map((f) => f.path);
  return {
    manifest,
    manifestText,
    manifestSha256: sha256(manifestText),
    signature,
    checked: actual.length,
    changed,
    added,
    removed,
    refused,
    pdfs,
    ok: changed.length + added.length + removed.length + refused.length === 0,
  };
}

async function verifyDirectory(dir: string): Promise<VerifyReport> {
  const { files, refused } = await walkPack(dir);
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!files.includes(MANIFEST_FILE)) {
    if (refused.some((r) => r.endsWith(`: ${MANIFEST_FILE}`)))
      throw InputError.at(manifestPath, undefined, 'is not a regular file (a symlink?)');
    throw InputError.at(manifestPath, undefined, 'not found: is this an evidence pack directory?');
  }
  if ((await lstat(manifestPath)).size > MAX_MANIFEST_BYTES)
    throw InputError.at(manifestPath, undefined, `larger than ${MAX_MANIFEST_BYTES} bytes`);
  const manifestText = await readFile(manifestPath, 'utf8');
  const manifest = parseManifest(parseJson(manifestText, manifestPath), manifestPath);
  const signature = files.includes(SIGNATURE_FILE)
    ? await readFile(join(dir, SIGNATURE_FILE), 'utf8')
    : undefined;
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  const pdfs = new Map<string, Buffer>();
  // Several files at once, each through two large buffers: a pack is thousands of small files and a few large.
  const buffers = Array.from({ length: HASH_PARALLEL }, hashBuffers);
  const listed = files.filter((p) => !OUTSIDE_MANIFEST.has(p));
  const actual = await mapLimit(listed, HASH_PARALLEL, (path, slot) =>
    hashPackFile(dir, path, expected.get(path)?.size, signature ? pdfs : undefined, buffers[slot]!),
  );
  // Read in parallel, kept in path order as before.
  const inOrder = new Map(listed.filter((p) => pdfs.has(p)).map((p) => [p, pdfs.get(p)!]));
  return compare(manifest, manifestText, actual, refused, signature, inOrder);
}

/**
 * One file of a pack directory. A file whose size already differs from the manifest's is changed: it is not read
 * (it may be huge). With a signature, a PDF is kept whole in `pdfs` for its own signature to be checked.
 */
async function hashPackFile(
  dir: string,
  path: string,
  expectedSize: number | undefined,
  pdfs: Map<string, Buffer> | undefined,
  buffers: HashBuffers,
): Promise<FileHash> {
  let handle;
  try {
    handle = await openNoFollow(join(dir, ...path.split('/')));
  } catch (error) {
    // Replaced by a symlink since the walk: it is not the file the manifest lists.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { path, size: -1, sha256: '' };
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    if (expectedSize !== size) return { path, size, sha256: '' };
    if (pdfs && isPdf(path)) {
      const data = await handle.readFile();
      pdfs.set(path, data);
      return { path, size: data.length, sha256: sha256(data) };
    }
    return { path, ...(await hashOpenFile(handle, buffers)) };
  } finally {
    await handle.close();
  }
}

async function verifyZip(file: string): Promise<VerifyReport> {
  const zip = await StrictZip.open(file);
  try {
    const manifestEntry = zip.entries.find((e) => e.name === MANIFEST_FILE);
    if (!manifestEntry)
      throw new ZipRejected(file, `${MANIFEST_FILE} not found in the ZIP: is this an evidence pack?`);
    const manifestText = await zip.text(manifestEntry, MAX_MANIFEST_BYTES);
    const where = `${file}/${MANIFEST_FILE}`;
    const manifest = parseManifest(parseJson(manifestText, where), where);
    const signatureEntry = zip.entries.find((e) => e.name === SIGNATURE_FILE);
    const signature = signatureEntry ? await zip.text(signatureEntry, 1024 * 1024) : undefined;
    const expected = new Map(manifest.files.map((f) => [f.path, f]));
    const actual: FileHash[] = [];
    const pdfs = new Map<string, Buffer>();
    for (const entry of zip.entries.filter((e) => !OUTSIDE_MANIFEST.has(e.name))) {
      const listed = expected.get(entry.name);
      // Only entries the manifest lists with this very size are inflated: the rest are reported unread.
      if (listed?.size !== entry.size) actual.push({ path: entry.name, size: entry.size, sha256: '' });
      else if (signature && isPdf(entry.name)) {
        const data = await zip.bytes(entry, MAX_PDF_BYTES);
        pdfs.set(entry.name, data);
        actual.push({ path: entry.name, size: data.length, sha256: sha256(data) });
      } else actual.push({ path: entry.name, ...(await zip.hash(entry)) });
    }
    return compare(manifest, manifestText, actual, [], signature, pdfs);
  } finally {
    zip.close();
  }
}
