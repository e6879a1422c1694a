// Where a pack goes: --out DIR, --zip FILE, or both; at least one is needed.
import { InputError } from '../util/errors.js';

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

/** "all" means every name in `available` (see allFrameworkNames); otherwise a comma-separated list of framework or benchmark ids. */
export function frameworkList(value: string, available: Iterable<string>): string[] {
  const ids = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (ids.length === 1 && ids[0]!.toLowerCase() === 'all') return [...available];
  return [...new Set(ids)];
}
