// A lock file beside a pack's destination: one writer at a time; a lock left by a dead process is taken over.
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { InputError } from '../util/errors.js';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/**
 * Takes the lock at `path` or throws an InputError naming the holder. The lock file is complete before
 * it appears (written aside, then hard-linked into place, which fails if it exists), so a reader never
 * sees a half-written one. Returns the release function.
 */
export async function acquireLock(path: string, what: string): Promise<() => Promise<void>> {
  const mine: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, text, { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(draft, path);
        return async () => {
          // Only our own lock is removed, never one a later writer took over.
          const now = await readFile(path, 'utf8').catch(() => '');
          if (now === text) await rm(path, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readHolder(path);
      if (holder && (holder.host !== mine.host || isAlive(holder.pid)))
        throw InputError.at(
          what,
          undefined,
          `another kube-evidence run (pid ${holder.pid} on ${holder.host}, since ${holder.since}) is writing here; try again when it ends (lock: ${path})`,
        );
      // The holder died (or the file is unreadable): move the stale lock aside, atomically, and retry.
      await rename(path, `${path}.stale.${process.pid}`).catch(() => undefined);
      await rm(`${path}.stale.${process.pid}`, { force: true });
    }
    throw InputError.at(what, undefined, `could not take the lock ${path}`);
  } finally {
    await rm(draft, { force: true });
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    if (typeof raw.pid === 'number' && typeof raw.host === 'string')
      return { pid: raw.pid, host: raw.host, since: String(raw.since ?? '?') };
  } catch {
    // unreadable: treated as stale
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
