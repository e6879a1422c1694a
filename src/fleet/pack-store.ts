// Where fleet packs are read from: a directory or a Blob container, both laid out <cluster id>/<timestamp>/ (manifest.json marks a finished pack).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import { listFiles, sha256 } from '../pack/hash.js';
import { MANIFEST_FILE } from '../pack/manifest.js';
import { SIGNATURE_FILE } from '../pack/sign/files.js';
import { InputError } from '../util/errors.js';
import { displayUrl } from './blob-container.js';
import { isClusterId, isPackStamp } from './pack-path.js';
import { inside } from './skeletons.js';

export interface PackRef {
  cluster: string;
  stamp: string;
}

/** A file of a pack as read from the store: its hash, and its bytes when the caller asked to keep them. */
export interface StoredFile {
  path: string;
  size: number;
  sha256: string;
  data?: Buffer;
}

/** Files a pack holds besides those its manifest lists: the manifest and its detached signature. */
const OUTSIDE_MANIFEST = new Set([MANIFEST_FILE, SIGNATURE_FILE]);
/** A detached JWS is a few kilobytes (header with the certificate chain, and the signature). */
export const MAX_SIGNATURE_BYTES = 1024 * 1024;

export interface PackStore {
  /** For messages: the directory, or the container URL without its SAS. */
  readonly label: string;
  /** Cluster folders whose name is a valid cluster id, sorted. */
  clusters(): Promise<string[]>;
  /** Finished packs (with manifest.json) of one cluster, oldest first. */
  packs(cluster: string): Promise<string[]>;
  read(ref: PackRef, path: string): Promise<Buffer>;
  /** manifest.jws (the detached signature over manifest.json) when the pack carries one. */
  signature(ref: PackRef): Promise<string | undefined>;
  /**
   * Every file of the pack except manifest.json and manifest.jws, with its SHA-256, computed while
   * streaming; the bytes of the files `keep` selects are kept too (a signed pack's PDFs, for their signatures).
   */
  hashes(ref: PackRef, keep?: (path: string) => boolean): Promise<StoredFile[]>;
}

export const refName = (ref: PackRef): string => `${ref.cluster}/${ref.stamp}`;

export class DirectoryStore implements PackStore {
  constructor(private readonly root: string) {}

  get label(): string {
    return this.root;
  }

  async clusters(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => {
      throw InputError.at(
        this.root,
        '--from',
        'not found: expected a directory of <cluster>/<timestamp>/ packs',
      );
    });
    return entries
      .filter((e) => e.isDirectory() && isClusterId(e.name))
      .map((e) => e.name)
      .sort();
  }

  async packs(cluster: string): Promise<string[]> {
    const dir = inside(this.root, cluster);
    const stamps = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && isPackStamp(e.name))
      .map((e) => e.name)
      .sort();
    const finished: string[] = [];
    for (const stamp of stamps)
      if (await stat(join(dir, stamp, MANIFEST_FILE)).catch(() => undefined)) finished.push(stamp);
    return finished;
  }

  read(ref: PackRef, path: string): Promise<Buffer> {
    return readFile(join(this.packDir(ref), ...path.split('/')));
  }

  async signature(ref: PackRef): Promise<string | undefined> {
    const file = join(this.packDir(ref), SIGNATURE_FILE);
    const info = await lstat(file).catch(() => undefined);
    if (!info) return undefined;
    if (!info.isFile() || info.size > MAX_SIGNATURE_BYTES)
      throw new Error(`${SIGNATURE_FILE} is not a file of at most ${MAX_SIGNATURE_BYTES} bytes`);
    return readFile(file, 'utf8');
  }

  async hashes(ref: PackRef, keep?: (path: string) => boolean): Promise<StoredFile[]> {
    const dir = this.packDir(ref);
    const out: StoredFile[] = [];
    for (const path of (await listFiles(dir)).filter((p) => !OUTSIDE_MANIFEST.has(p))) {
      const file = join(dir, ...path.split('/'));
      if (keep?.(path)) {
        const data = await readFile(file);
        out.push({ path, size: data.length, sha256: sha256(data), data });
      } else out.push({ path, size: (await stat(file)).size, sha256: await digest(createReadStream(file)) });
    }
    return out;
  }

  private packDir(ref: PackRef): string {
    return join(inside(this.root, ref.cluster), ref.stamp);
  }
}

export class BlobStore implements PackStore {
  constructor(
    private readonly container: ContainerClient,
    private readonly url: string,
  ) {}

  get label(): string {
    return displayUrl(this.url);
  }

  async clusters(): Promise<string[]> {
    const names: string[] = [];
    for await (const item of this.container.listBlobsByHierarchy('/')) {
      if (item.kind !== 'prefix') continue;
      const name = item.name.replace(/\/$/, '');
      if (isClusterId(name)) names.push(name);
    }
    return names.sort();
  }

  async packs(cluster: string): Promise<string[]> {
    const finished: string[] = [];
    // Only the manifests are listed: a folder without one is an upload still under way.
    for await (const item of this.container.listBlobsByHierarchy('/', { prefix: `${cluster}/` })) {
      if (item.kind !== 'prefix') continue;
      const stamp = item.name.slice(cluster.length + 1).replace(/\/$/, '');
      if (!isPackStamp(stamp)) continue;
      if (await this.container.getBlobClient(`${cluster}/${stamp}/${MANIFEST_FILE}`).exists())
        finished.push(stamp);
    }
    return finished.sort();
  }

  read(ref: PackRef, path: string): Promise<Buffer> {
    return this.container.getBlobClient(`${refName(ref)}/${path}`).downloadToBuffer();
  }

  async signature(ref: PackRef): Promise<string | undefined> {
    const blob = this.container.getBlobClient(`${refName(ref)}/${SIGNATURE_FILE}`);
    const properties = await blob.getProperties().catch((error: unknown) => {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    });
    if (!properties) return undefined;
    if ((properties.contentLength ?? 0) > MAX_SIGNATURE_BYTES)
      throw new Error(`${SIGNATURE_FILE} is larger than ${MAX_SIGNATURE_BYTES} bytes`);
    return (await blob.downloadToBuffer()).toString('utf8');
  }

  async hashes(ref: PackRef, keep?: (path: string) => boolean): Promise<StoredFile[]> {
    const prefix = `${refName(ref)}/`;
    const out: StoredFile[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      const path = blob.name.slice(prefix.length);
      if (OUTSIDE_MANIFEST.has(path)) continue;
      const response = await this.container.getBlobClient(blob.name).download();
      const body = response.readableStreamBody as NodeJS.ReadableStream;
      if (keep?.(path)) {
        const chunks: Buffer[] = [];
        for await (const chunk of body) chunks.push(chunk as Buffer);
        const data = Buffer.concat(chunks);
        out.push({ path, size: data.length, sha256: sha256(data), data });
      } else out.push({ path, size: blob.properties.contentLength ?? 0, sha256: await digest(body) });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

async function digest(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
