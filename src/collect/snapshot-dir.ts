// The output directory of a collection: written as a new directory beside it, swapped in only when the run succeeded.
import { cp, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../util/errors.js';

/**
 * Checks `dir` before anything is collected: new, empty, or a previous snapshot (it has snapshot.json).
 * Any other non-empty directory is refused rather than replaced. Nothing is changed here.
 */
export async function checkSnapshotDestination(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw InputError.at(dir, '--out', 'exists and is not a directory');
  const entries = await readdir(dir);
  if (entries.length === 0 || entries.includes('snapshot.json')) return;
  throw InputError.at(
    dir,
    '--out',
    'is not empty and holds no earlier snapshot (snapshot.json); choose a new or empty directory',
  );
}

/** A new, empty directory beside `dir` (same file system, so the final rename is atomic) to collect into. */
export async function createStagingDir(dir: string): Promise<string> {
  const parent = dirname(resolve(dir));
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, `.${basename(resolve(dir))}.collecting-`));
}

/**
 * Puts the finished collection in `staging` in place of `dir`. An earlier snapshot's nodes/ (collect-node
 * output placed there by hand) is carried over first; the earlier snapshot is moved aside, the new one renamed
 * in, and only then is the old one removed. A crash leaves either the old snapshot or the new one at `dir`.
 */
export async function commitSnapshotDir(staging: string, dir: string): Promise<void> {
  const target = resolve(dir);
  const old = await stat(target).catch(() => undefined);
  if (!old) {
    await rename(staging, target);
    return;
  }
  const oldNodes = join(target, 'nodes');
  const stagedNodes = await stat(join(staging, 'nodes')).catch(() => undefined);
  if (!stagedNodes && (await stat(oldNodes).catch(() => undefined)))
    await cp(oldNodes, join(staging, 'nodes'), { recursive: true, verbatimSymlinks: true });
  const aside = join(dirname(target), `.${basename(target)}.previous-${randomBytes(4).toString('hex')}`);
  await rename(target, aside);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(aside, target);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/** Removes an unfinished collection; the destination was never touched. */
export async function discardStagingDir(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
