// SHA-256 of files and of whole directories (every file, sorted, with paths relative and in "/" form).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
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

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
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

export async function hashFiles(dir: string, paths: string[]): Promise<FileHash[]> {
  const hashes: FileHash[] = [];
  for (const path of paths) {
    const file = join(dir, ...path.split('/'));
    hashes.push({ path, size: (await stat(file)).size, sha256: await hashFile(file) });
  }
  return hashes;
}
