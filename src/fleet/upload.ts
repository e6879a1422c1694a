// Uploads a written evidence pack to a Blob container under <cluster id>/<timestamp>/, every file checked against the manifest, manifest.json last.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import { mapPool } from '../collect/pool.js';
import { hashFile } from '../pack/hash.js';
import { MANIFEST_FILE, parseManifest, type Manifest } from '../pack/manifest.js';
import { InputError, errorMessage } from '../util/errors.js';
import { parseJson } from '../util/fs.js';
import { checkClusterId, packPrefix, packStamp } from './pack-path.js';

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
 * Readers take a folder without manifest.json as unfinished, so the manifest goes last; it is written only
 * if absent (If-None-Match: *), so a pack in the store is never replaced. Files outside the manifest stay local.
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

  try {
    await mapPool(manifest.files, options.concurrency ?? 4, async (entry) => {
      const blob = container.getBlockBlobClient(prefix + entry.path);
      await blob.uploadFile(join(packDir, ...entry.path.split('/')), {
        blobHTTPHeaders: { blobContentType: contentType(entry.path) },
        metadata: { sha256: entry.sha256 },
      });
      options.onFile?.(prefix + entry.path);
    });
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
  const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0) + Buffer.byteLength(manifestText);
  return { prefix, files: manifest.files.length + 1, bytes };
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
      return '409 BlobAlreadyExists: this pack is already in the store';
    return `${e.statusCode} ${code}`.trim();
  }
  return errorMessage(error).replace(/([?&]sig=)[^&\s]+/g, '$1<redacted>');
}
