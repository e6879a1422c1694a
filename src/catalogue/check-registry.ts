// The check ids a catalogue file may name: the implemented checks plus the registry table in docs/check-ids.md.
import { readFile } from 'node:fs/promises';
import { CHECKS_BY_ID } from '../checks/index.js';

/** Ids from the registry's markdown tables: the first cell of each row that looks like a check id. */
export function parseCheckRegistry(markdown: string): string[] {
  const ids: string[] = [];
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s*\|/.exec(line);
    if (match) ids.push(match[1]!);
  }
  return ids;
}

/**
 * Every id a framework or profile may reference. The registry lists ids other engineers are still implementing, so it
 * is read when shipped beside the package (docs/ is in the npm files); without it, the implemented checks alone count.
 */
export async function knownCheckIds(registryFile: string): Promise<Set<string>> {
  const known = new Set(CHECKS_BY_ID.keys());
  const markdown = await readFile(registryFile, 'utf8').catch(() => undefined);
  if (markdown !== undefined) for (const id of parseCheckRegistry(markdown)) known.add(id);
  return known;
}
