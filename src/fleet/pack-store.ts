// Where fleet packs are read from: a directory or a Blob container, both laid out <cluster id>/<timestamp>/ (manifest.json marks a finished pack).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import { listFiles } from '../pack/hash.js';
import { MANIFEST_FILE } from '../pack/manifest.js';
import { InputError } from '../util/errors.js';
import { displayUrl } from './blob-container.js';
import { isClusterId, isPackStamp } from './pack-path.js';
import { inside } from './skeletons.js';

export interface PackRef {
  cluster: string;
  stamp: string;
}

export interface PackStore {
  /** For messages: the directory, or the container URL without its SAS. */
  readonly label: string;
  /** Cluster folders whose name is a valid cluster id, sorted. */
  clusters(): Promise<string[]>;
  /** Finished packs (with manifest.json) of one cluster, oldest first. */
  packs(cluster: string): Promise<string[]>;
  read(ref: PackRef, path: string): Promise<Buffer>;
  /** Every file of the pack except manifest.json, with its SHA-256, computed while streaming. */
  hashes(ref: PackRef): Promise<{ path: string; size: number; sha256: string }[]>;
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

  async hashes(ref: PackRef): Promise<{ path: string; size: number; sha256: string }[]> {
    const dir = this.packDir(ref);
    const out = [];
    for (const path of (await listFiles(dir)).filter((p) => p !== MANIFEST_FILE)) {
      const file = join(dir, ...path.split('/'));
      out.push({ path, size: (await stat(file)).size, sha256: await digest(createReadStream(file)) });
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

  async hashes(ref: PackRef): Promise<{ path: string; size: number; sha256: string }[]> {
    const prefix = `${refName(ref)}/`;
    const out = [];
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      const path = blob.name.slice(prefix.length);
      if (path === MANIFEST_FILE) continue;
      const response = await this.container.getBlobClient(blob.name).download();
      out.push({
        path,
        size: blob.properties.contentLength ?? 0,
        sha256: await digest(response.readableStreamBody as NodeJS.ReadableStream),
      });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

async function digest(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
