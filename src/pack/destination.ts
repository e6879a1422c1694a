// Where a pack goes (--out DIR, --zip FILE, or both) and what may not be there: its own input, or someone else's files.
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../util/errors.js';
import { MANIFEST_FILE, MANIFEST_SCHEMA } from './manifest.js';

export function packDestination(opts: { out?: string; zip?: string }): { outDir?: string; zip?: string } {
  if (!opts.out && !opts.zip)
    throw InputError.at(
      undefined,
      '--out',
      'expected an output directory (--out DIR) or a ZIP file (--zip FILE), or both',
    );
  if (opts.zip && !/\.zip$/i.test(opts.zip))
    throw InputError.at(undefined, '--zip', `expected a file name ending in .zip, got "${opts.zip}"`);
  return { outDir: opts.out, zip: opts.zip };
}

/** "all" means every framework in the catalogue; otherwise a comma-separated list of ids. */
export function frameworkList(value: string, available: Iterable<string>): string[] {
  const ids = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (ids.length === 1 && ids[0]!.toLowerCase() === 'all') return [...available];
  return [...new Set(ids)];
}

export interface PackTarget {
  outDir?: string;
  zip?: string;
  /** Replace an --out that is not a kube-evidence pack. */
  force?: boolean;
  /** Files and directories the run reads (snapshot, assessment, waivers): never inside, or holding, the output. */
  inputs?: string[];
}

/**
 * Refuses, before anything is written: an input inside --out (the swap would delete it) or --out inside
 * an input (the input would change), a ZIP inside --out, and an --out that holds something other than a
 * kube-evidence pack (unless --force).
 */
export async function checkDestination(target: PackTarget): Promise<void> {
  const out = target.outDir ? await realTarget(target.outDir) : undefined;
  const zip = target.zip ? await realTarget(target.zip) : undefined;
  for (const input of target.inputs ?? []) {
    const real = await realTarget(input);
    if (out && within(real, out))
      throw InputError.at(
        undefined,
        '--out',
        `${target.outDir} holds the input ${input}; the pack replaces the whole directory: write it elsewhere`,
      );
    if (out && within(out, real))
      throw InputError.at(
        undefined,
        '--out',
        `${target.outDir} is inside the input ${input}; input is never modified`,
      );
    if (zip && within(zip, real))
      throw InputError.at(
        undefined,
        '--zip',
        `${target.zip} is the input ${input} or inside it; input is never modified`,
      );
  }
  if (out && zip && within(zip, out))
    throw InputError.at(
      undefined,
      '--zip',
      `${target.zip} is inside --out ${target.outDir}; put the ZIP beside it`,
    );
  if (target.outDir && !target.force) await refuseForeignDirectory(target.outDir);
  if (target.zip) {
    const info = await lstat(target.zip).catch(() => undefined);
    if (info && !info.isFile() && !(target.force && info.isSymbolicLink()))
      throw InputError.at(undefined, '--zip', `${target.zip} exists and is not a file`);
  }
}

/** An --out that exists must be a kube-evidence pack (manifest.json with our schema) or empty. */
async function refuseForeignDirectory(dir: string): Promise<void> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info) return;
  const foreign = (what: string) =>
    InputError.at(
      undefined,
      '--out',
      `${dir} ${what}, not a kube-evidence pack; choose another directory or add --force to replace it`,
    );
  if (!info.isDirectory()) throw foreign(info.isSymbolicLink() ? 'is a symlink' : 'is a file');
  const names = await readdir(dir);
  if (names.length === 0) return;
  const manifest = join(dir, MANIFEST_FILE);
  const isPack = await readFile(manifest, 'utf8').then(
    (text) => {
      try {
        const raw = JSON.parse(text) as { schema?: unknown };
        return raw.schema === MANIFEST_SCHEMA;
      } catch {
        return false;
      }
    },
    () => false,
  );
  if (!isPack) throw foreign(`holds ${names.length} entr${names.length === 1 ? 'y' : 'ies'}`);
}

/** The real path of a target that may not exist yet: its nearest existing parent resolved, the rest appended. */
async function realTarget(path: string): Promise<string> {
  const absolute = resolve(path);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      rest.push(basename(current));
      current = parent;
    }
  }
}

function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
