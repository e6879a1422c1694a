// Reads the check ids listed in docs/check-ids.md, so tests can hold the doc and the code registry to each other.

/** Ids from the registry's markdown tables: the first cell of each row that looks like a check id. */
export function parseCheckRegistry(markdown: string): string[] {
  const ids: string[] = [];
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s*\|/.exec(line);
    if (match) ids.push(match[1]!);
  }
  return ids;
}
