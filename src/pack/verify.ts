// Verifies an evidence pack (directory or ZIP): recomputes every SHA-256 and reports files changed, added or removed.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { parseJson } from '../util/fs.js';
import { hashFiles, listFiles, sha256, type FileHash } from './hash.js';
import { MANIFEST_FILE, parseManifest, type Manifest } from './manifest.js';
import { readZip } from './zip.js';

export interface VerifyReport {
  manifest: Manifest;
  /** SHA-256 of manifest.json itself: record it elsewhere to protect the manifest too. */
  manifestSha256: string;
  checked: number;
  changed: string[];
  added: string[];
  removed: string[];
  ok: boolean;
}

export async function verifyPack(pack: string): Promise<VerifyReport> {
  const info = await stat(pack).catch(() => undefined);
  if (!info) throw InputError.at(pack, undefined, 'evidence pack not found (expected a directory or a .zip)');
  const { manifestText, actual } = info.isDirectory() ? await readDirectory(pack) : await readZipPack(pack);
  const manifest = parseManifest(
    parseJson(manifestText, `${pack}/${MANIFEST_FILE}`),
    `${pack}/${MANIFEST_FILE}`,
  );
  return compare(manifest, sha256(manifestText), actual);
}

export function compare(manifest: Manifest, manifestSha256: string, actual: FileHash[]): VerifyReport {
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  const found = new Map(actual.map((f) => [f.path, f]));
  const changed = manifest.files
    .filter((f) => found.has(f.path) && found.get(f.path)!.sha256 !== f.sha256)
    .map((f) => f.path);
  const removed = manifest.files.filter((f) => !found.has(f.path)).map((f) => f.path);
  const added = actual.filter((f) => !expected.has(f.path)).map((f) => f.path);
  return {
    manifest,
    manifestSha256,
    checked: actual.length,
    changed,
    added,
    removed,
    ok: changed.length + added.length + removed.length === 0,
  };
}

async function readDirectory(dir: string): Promise<{ manifestText: string; actual: FileHash[] }> {
  const manifestPath = join(dir, MANIFEST_FILE);
  const manifestText = await readFile(manifestPath, 'utf8').catch(() => {
    throw InputError.at(manifestPath, undefined, 'not found: is this an evidence pack directory?');
  });
  const paths = (await listFiles(dir)).filter((p) => p !== MANIFEST_FILE);
  return { manifestText, actual: await hashFiles(dir, paths) };
}

async function readZipPack(file: string): Promise<{ manifestText: string; actual: FileHash[] }> {
  const entries = readZip(await readFile(file), file);
  const manifest = entries.find((e) => e.name === MANIFEST_FILE);
  if (!manifest) throw InputError.at(file, MANIFEST_FILE, 'not found in the ZIP: is this an evidence pack?');
  const actual = entries
    .filter((e) => e !== manifest)
    .map((e) => ({ path: e.name, size: e.data.length, sha256: sha256(e.data) }));
  return { manifestText: manifest.data.toString('utf8'), actual };
}
