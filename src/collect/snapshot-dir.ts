// Prepares the output directory of a collection: empty, new, or a previous snapshot whose collected parts are replaced.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';

/**
 * A previous snapshot (it has snapshot.json) loses its kubernetes/, azure/ and snapshot.json, so no stale
 * file mixes with the new collection; nodes/ stays, since collect-node output is placed there by hand.
 * Any other non-empty directory is refused rather than written into.
 */
export async function prepareSnapshotDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw InputError.at(dir, '--out', 'exists and is not a directory');
  const entries = await readdir(dir);
  if (entries.length === 0) return;
  if (!entries.includes('snapshot.json')) {
    throw InputError.at(
      dir,
      '--out',
      'is not empty and holds no earlier snapshot (snapshot.json); choose a new or empty directory',
    );
  }
  for (const part of ['kubernetes', 'azure', 'snapshot.json'])
    await rm(join(dir, part), { recursive: true, force: true });
}
