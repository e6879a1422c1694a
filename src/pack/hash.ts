// SHA-256 of files and of whole directories (every file, sorted, with paths relative and in "/" form).
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface FileHash {
  /** Path inside the pack, "/"-separated. */
  path: string;
  size: number;
  sha256: string;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Read size. A pack holds thousands of small files and a few of hundreds of MB: one read takes a small file whole,
 * and a large one goes in few round trips to the thread pool (a read stream's 64 KiB chunks cost more than the
 * hashing, which runs at over 1 GB/s with the CPU's SHA instructions).
 */
export const HASH_CHUNK = 1024 * 1024;
/** Files read at once: while this thread hashes one file's chunk, the thread pool reads the others'. */
export const HASH_PARALLEL = 4;

/** Two read buffers per file being hashed: one is hashed while the next chunk is read into the other. */
export type HashBuffers = [Buffer, Buffer];

export function hashBuffers(): HashBuffers {
  return [Buffer.allocUnsafe(HASH_CHUNK), Buffer.allocUnsafe(HASH_CHUNK)];
}

export async function hashFile(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    return (await hashOpenFile(handle, hashBuffers())).sha256;
  } finally {
    await handle.close();
  }
}

/** SHA-256 and size of what is read from `handle` to its end; the next read is under way while a chunk is hashed. */
export async function hashOpenFile(
  handle: FileHandle,
  [first, second]: HashBuffers,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  let current = first;
  let next = second;
  let reading = handle.read(current, 0, current.length, 0);
  for (;;) {
    const { bytesRead } = await reading;
    if (bytesRead === 0) break;
    reading = handle.read(next, 0, next.length, size + bytesRead);
    hash.update(current.subarray(0, bytesRead));
    size += bytesRead;
    [current, next] = [next, current];
  }
  return { size, sha256: hash.digest('hex') };
}

/** Opens a pack file for reading without following a symlink (one swapped in after the walk is refused, ELOOP). */
export function openNoFollow(file: string): Promise<FileHandle> {
  return open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
}

/** Runs `work` over `items`, at most `limit` at once, each run given its slot (0 … limit-1); results in item order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  work: (item: T, slot: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async (slot: number) => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, slot);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, slot) => run(slot)));
  return results;
}

/** Every regular file below dir, as "/"-separated relative paths in a stable order. Symlinks are not followed. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  await walk(dir);
  return out.sort();
}

/**
 * Every entry below dir, sorted: regular files as pack paths, and anything else (a symlink, a socket, a
 * device) as "symlink: PATH" or "not a regular file: PATH", which a pack may never hold.
 */
export async function walkPack(dir: string): Promise<{ files: string[]; refused: string[] }> {
  const files: string[] = [];
  const refused: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push(rel);
      else refused.push(`${entry.isSymbolicLink() ? 'symlink' : 'not a regular file'}: ${rel}`);
    }
  };
  await walk(dir);
  return { files: files.sort(), refused: refused.sort() };
}

/** Hashes files below dir (pack paths), several at once; the size is that of the bytes hashed. */
export async function hashFiles(dir: string, paths: string[]): Promise<FileHash[]> {
  const buffers = Array.from({ length: HASH_PARALLEL }, hashBuffers);
  return mapLimit(paths, HASH_PARALLEL, async (path, slot) => {
    const handle = await open(join(dir, ...path.split('/')), 'r');
    try {
      return { path, ...(await hashOpenFile(handle, buffers[slot]!)) };
    } finally {
      await handle.close();
    }
  });
}
