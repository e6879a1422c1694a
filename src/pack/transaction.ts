// A pack write as a transaction: built in a temporary directory beside the destination, swapped in by rename, locked.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { acquireLock } from './lock.js';
import { checkDestination, type PackTarget } from './destination.js';

/**
 * Every temporary name is `.<destination name>.kube-evidence-<kind>-<pid>-<random>` in the destination's
 * folder, so the files of a run that was killed are found (and removed) by the next run for the same
 * destination, under its lock. Kinds: tmp (staging, scratch, ZIP being written), old (a pack moved aside).
 */
function ownedPrefix(target: string, kind: 'tmp' | 'old'): string {
  return `.${basename(target)}.kube-evidence-${kind}-`;
}

export class PackTransaction {
  private committed = false;
  private readonly scratches: string[] = [];

  private constructor(
    /** The directory the pack is built in. */
    readonly staging: string,
    private readonly outDir: string | undefined,
    private readonly anchor: string,
    private readonly releases: Array<() => Promise<void>>,
  ) {}

  /**
   * Locks the destination(s), checks them (see checkDestination), tidies after a killed run and creates
   * the staging directory. Throws InputError, having written nothing but the lock, when refused.
   */
  static async begin(target: PackTarget): Promise<PackTransaction> {
    const targets = [target.outDir, target.zip].filter((t): t is string => !!t).map((t) => resolve(t));
    const anchor = targets[0]!;
    const releases: Array<() => Promise<void>> = [];
    try {
      for (const t of targets) {
        await mkdir(dirname(t), { recursive: true });
        releases.push(await acquireLock(join(dirname(t), `.${basename(t)}.kube-evidence.lock`), t));
      }
      // Under the lock, so no other writer can change what was checked.
      await checkDestination(target);
      for (const t of targets) await recover(t, t === resolve(target.outDir ?? ''));
      const staging = tempName(anchor, 'tmp');
      await mkdir(staging);
      return new PackTransaction(staging, target.outDir && resolve(target.outDir), anchor, releases);
    } catch (error) {
      for (const release of releases.reverse()) await release();
      throw error;
    }
  }

  /** Another temporary path of this run, beside the destination (removed by end()). */
  scratch(): string {
    const path = tempName(this.anchor, 'tmp');
    this.scratches.push(path);
    return path;
  }

  /**
   * Swaps the staged pack into --out: the old pack is renamed aside, the new one renamed into place, the
   * old one removed. Between the two renames --out is briefly absent; a run killed exactly there is
   * repaired by the next one (recover), which puts the old pack back.
   */
  async commit(): Promise<void> {
    if (!this.outDir) return;
    const existing = await stat(this.outDir).catch(() => undefined);
    if (existing) {
      const aside = tempName(this.outDir, 'old');
      await rename(this.outDir, aside);
      await rename(this.staging, this.outDir);
      this.committed = true;
      await rm(aside, { recursive: true, force: true });
    } else {
      await rename(this.staging, this.outDir);
      this.committed = true;
    }
  }

  /** Removes what is left of the staging and scratch paths and releases the locks. Always call it. */
  async end(): Promise<void> {
    try {
      if (!this.committed) await rm(this.staging, { recursive: true, force: true });
      for (const path of this.scratches) await rm(path, { recursive: true, force: true });
    } finally {
      for (const release of this.releases.reverse()) await release();
    }
  }
}

function tempName(target: string, kind: 'tmp' | 'old'): string {
  return join(
    dirname(target),
    `${ownedPrefix(target, kind)}${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

/**
 * After a killed run (we hold the lock, so no live run owns them): a pack moved aside while --out is
 * missing is put back; every other temporary of this destination is removed.
 */
async function recover(target: string, isPackDir: boolean): Promise<void> {
  const dir = dirname(target);
  const names = await readdir(dir);
  const old = names.filter((n) => n.startsWith(ownedPrefix(target, 'old')));
  // A collection's own staging beside a scratch directory (".<scratch>.collecting-…") counts as ours too.
  const tmp = names.filter(
    (n) => n.startsWith(ownedPrefix(target, 'tmp')) || n.startsWith(`.${ownedPrefix(target, 'tmp')}`),
  );
  if (isPackDir && old.length > 0 && !(await stat(target).catch(() => undefined))) {
    await rename(join(dir, old.shift()!), target);
  }
  for (const name of [...old, ...tmp]) await rm(join(dir, name), { recursive: true, force: true });
}
