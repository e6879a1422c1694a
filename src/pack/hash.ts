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

export async function hashFiles(dir: string, paths: string[]): Promise<FileHash[]> {
  const hashes: FileHash[] = [];
  for (const path of paths) {
    const file = join(dir, ...path.split('/'));
    hashes.push({ path, size: (await stat(file)).size, sha256: await hashFile(file) });
  }
  return hashes;
}
