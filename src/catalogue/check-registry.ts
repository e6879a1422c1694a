// The check ids a catalogue file may name (the implemented checks), and a reader for the docs/check-ids.md tables.
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

/** Every id a framework or profile may reference: the code registry is the source; the doc is tested against it. */
export function knownCheckIds(): Set<string> {
  return new Set(CHECKS_BY_ID.keys());
}
