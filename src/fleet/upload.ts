// Uploads a written evidence pack to a Blob container under <cluster id>/<timestamp>/, every file checked against the manifest, manifest.jws then manifest.json last.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import { mapPool } from '../collect/pool.js';
import { hashFile } from '../pack/hash.js';
import { MANIFEST_FILE, parseManifest, type Manifest } from '../pack/manifest.js';
import { SIGNATURE_FILE } from '../pack/sign/files.js';
import { checkManifestSignature } from '../pack/sign/jws.js';
import { InputError, errorMessage } from '../util/errors.js';
import { parseJson } from '../util/fs.js';
import { checkClusterId, packPrefix, packStamp } from './pack-path.js';
import { MAX_SIGNATURE_BYTES } from './pack-store.js';

export interface UploadOptions {
  /** Folder name of the cluster in the container; the pack's cluster name when absent. */
  clusterId?: string;
  concurrency?: number;
  onFile?: (blobName: string) => void;
}

export interface UploadResult {
  prefix: string;
  files: number;
  bytes: number;
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  yaml: 'application/yaml',
  // The exchange formats (--format, src/render/formats.ts).
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  sarif: 'application/sarif+json',
  xml: 'application/xml',
};

/**
 * Readers take a folder without manifest.json as unfinished, so the manifest goes last. A signed pack's
 * manifest.jws goes just before it: a reader that sees the manifest sees its signature too, and a
 * signature without its manifest is an unfinished upload, skipped like the other files. (The other order
 * would show, for a moment, a complete-looking pack that reads as unsigned, or fails `--trust`.)
 *
 * A pack in the store is never replaced: if the folder already holds a manifest.json, nothing is sent
 * (so neither the files nor the signature of the pack there are overwritten), and the manifest itself is
 * written only if absent (If-None-Match: *), which also settles two uploads racing for the same folder.
 * Files outside the manifest stay local.
 */
export async function uploadPack(
  packDir: string,
  container: ContainerClient,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const manifestFile = join(packDir, MANIFEST_FILE);
  const manifestText = await readFile(manifestFile, 'utf8').catch(() => {
    throw InputError.at(manifestFile, undefined, 'not found: is this an evidence pack directory?');
  });
  const manifest: Manifest = parseManifest(parseJson(manifestText, manifestFile), manifestFile);
  const clusterId = checkClusterId(options.clusterId ?? manifest.cluster?.name ?? '', '--cluster-id');
  const prefix = packPrefix(clusterId, packStamp(manifest.createdAt));

  // A changed file would upload a pack that fails verification: stop before anything is sent.
  for (const entry of manifest.files) {
    const actual = await hashFile(join(packDir, ...entry.path.split('/'))).catch(() => undefined);
    if (actual !== entry.sha256)
      throw InputError.at(
        join(packDir, entry.path),
        undefined,
        actual
          ? 'changed since the manifest was written (run kube-evidence verify)'
          : 'listed in the manifest but missing',
      );
  }
  // So would a signature that does not match the manifest (it is checked again by every reader).
  const signature = await readSignature(packDir, manifestText);

  try {
    if (await alreadyStored(container, prefix + MANIFEST_FILE)) throw ALREADY_STORED;
    await mapPool(manifest.files, options.concurrency ?? 4, async (entry) => {
      const blob = container.getBlockBlobClient(prefix + entry.path);
      await blob.uploadFile(join(packDir, ...entry.path.split('/')), {
        blobHTTPHeaders: { blobContentType: contentType(entry.path) },
        metadata: { sha256: entry.sha256 },
      });
      options.onFile?.(prefix + entry.path);
    });
    if (signature !== undefined) {
      await container
        .getBlockBlobClient(prefix + SIGNATURE_FILE)
        .upload(signature, Buffer.byteLength(signature), {
          blobHTTPHeaders: { blobContentType: 'application/jose' },
        });
      options.onFile?.(prefix + SIGNATURE_FILE);
    }
    await container
      .getBlockBlobClient(prefix + MANIFEST_FILE)
      .upload(manifestText, Buffer.byteLength(manifestText), {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        conditions: { ifNoneMatch: '*' },
      });
    options.onFile?.(prefix + MANIFEST_FILE);
  } catch (error) {
    throw new UploadError(`upload of ${prefix} failed: ${describeStorageError(error)}`);
  }
  const signatureBytes = signature === undefined ? 0 : Buffer.byteLength(signature);
  const bytes =
    manifest.files.reduce((sum, f) => sum + f.size, 0) + signatureBytes + Buffer.byteLength(manifestText);
  return { prefix, files: manifest.files.length + (signature === undefined ? 1 : 2), bytes };
}

const ALREADY_STORED = new Error('this pack is already in the store');

/** manifest.jws beside the manifest, checked against it; undefined for an unsigned pack. */
async function readSignature(packDir: string, manifestText: string): Promise<string | undefined> {
  const file = join(packDir, SIGNATURE_FILE);
  const info = await lstat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile() || info.size > MAX_SIGNATURE_BYTES)
    throw InputError.at(file, undefined, `expected a file of at most ${MAX_SIGNATURE_BYTES} bytes`);
  const signature = await readFile(file, 'utf8');
  const check = checkManifestSignature(signature, manifestText);
  if (!check.valid) throw InputError.at(file, undefined, `${check.problem} (run kube-evidence verify)`);
  return signature;
}

/**
 * Whether a finished pack already sits in the folder. A credential that may write but not read (a SAS
 * without "r") cannot tell: the upload then relies on the manifest's If-None-Match alone.
 */
async function alreadyStored(container: ContainerClient, manifestBlob: string): Promise<boolean> {
  try {
    return await container.getBlobClient(manifestBlob).exists();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 403) return false;
    throw error;
  }
}

/** The store refused or could not be reached: the pack stays on disk; the message carries no credential. */
export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

function contentType(path: string): string {
  return CONTENT_TYPES[path.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
}

/** "403 AuthorizationPermissionMismatch" from a RestError, or the message; request URLs (which may hold a SAS) are left out. */
export function describeStorageError(error: unknown): string {
  const e = error as { statusCode?: number; code?: string; details?: { errorCode?: string } };
  if (typeof e?.statusCode === 'number') {
    const code = e.details?.errorCode ?? e.code ?? '';
    if (e.statusCode === 409 && code === 'BlobAlreadyExists')
      return `409 BlobAlreadyExists: ${ALREADY_STORED.message}`;
    return `${e.statusCode} ${code}`.trim();
  }
  if (error === ALREADY_STORED) return `409 BlobAlreadyExists: ${ALREADY_STORED.message}`;
  return errorMessage(error).replace(/([?&]sig=)[^&\s]+/g, '$1<redacted>');
}
