// The built-in maps between versions of one benchmark (profiles/maps/), used when no --framework-map covers the pair.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT, PROFILES_DIR } from '../catalogue/load.js';
import { loadFrameworkMap, type FrameworkMap } from './framework-map.js';

export const MAPS_DIR = join(PROFILES_DIR, 'maps');

export async function builtInFrameworkMaps(dir = MAPS_DIR): Promise<FrameworkMap[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort();
  const maps = await Promise.all(names.map((n) => loadFrameworkMap(join(dir, n))));
  // Reports name the map by its place in the package, not by this machine's path.
  return maps.map((m) => ({ ...m, file: relative(PACKAGE_ROOT, m.file) }));
}
