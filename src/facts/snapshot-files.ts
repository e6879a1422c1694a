// How a snapshot's files are found: one listing shared by the loader and the pack's copy, so the copy holds exactly what was read.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Regular data files (.json, .yaml, .yml; no dot files, no symlinks), sorted by name; none when `dir` is absent. */
export async function listDataFiles(dir: string, recursive = false): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && recursive) files.push(...(await listDataFiles(path, true)));
    else if (entry.isFile() && /\.(json|ya?ml)$/i.test(entry.name) && !entry.name.startsWith('.'))
      files.push(path);
  }
  return files;
}

/** Whether anything is at `path` (a symlink counts by its target, as the loader reads it). */
export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
