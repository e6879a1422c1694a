// Writes comparison.json atomically (schema kube-evidence/comparison, see docs/compare.md), piece by piece.
import type { Comparison, ComparisonRow } from '../compare/model.js';
import { writeChunksAtomic } from '../util/fs.js';
import { jsonChunks, JsonStream } from '../util/json-stream.js';

/**
 * The same text as JSON.stringify(comparison, null, 2), written a row, an evidence item and an object at a time:
 * two scans of a 150,000-pod cluster list every offending object of both (150 MB of text), and one string that
 * size, or even one row's, leaves the heap grown to several times what the comparison needs.
 */
export async function writeComparisonJson(comparison: Comparison, file: string): Promise<void> {
  const rows = new JsonStream(() => comparison.rows.map(streamedRow));
  await writeChunksAtomic(
    file,
    (function* () {
      yield* jsonChunks({ ...comparison, rows });
      yield '\n';
    })(),
  );
}

/** A row whose long lists (evidence, offending objects) are written item by item; the text is unchanged. */
function streamedRow(row: ComparisonRow): unknown {
  const list = (items: unknown[]) => new JsonStream(() => items);
  return {
    ...row,
    entries: row.entries.map((entry) => entry && { ...entry, evidence: list(entry.evidence) }),
    differences: row.differences.map((d) =>
      d.objects
        ? {
            ...d,
            objects: {
              ...d.objects,
              new: list(d.objects.new),
              fixed: list(d.objects.fixed),
              stillFailing: list(d.objects.stillFailing),
            },
          }
        : d,
    ),
  };
}
