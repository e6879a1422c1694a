// The comparison summary: difference classes per side, shifts of responsibility, and objects over time.
import {
  DIFFERENCE_CLASSES,
  type ComparisonRow,
  type ComparisonSide,
  type ComparisonSummary,
  type DifferenceClass,
} from './model.js';

export function summariseComparison(rows: ComparisonRow[], sides: ComparisonSide[]): ComparisonSummary {
  const others = sides.slice(1);
  const classCounts = others.map((side) => {
    const counts = Object.fromEntries(DIFFERENCE_CLASSES.map((c) => [c, 0])) as Record<
      DifferenceClass,
      number
    >;
    for (const row of rows) {
      const difference = row.differences.find((d) => d.side === side.index);
      if (difference) counts[difference.class]++;
    }
    return { side: side.index, counts };
  });
  const responsibilityShifts = rows.flatMap((row) => {
    const base = row.entries[0];
    if (!base) return [];
    return others.flatMap((side) => {
      const other = row.entries[side.index];
      return other && other.responsibility !== base.responsibility
        ? [
            {
              key: row.key,
              side: side.index,
              requirement: other.requirement,
              baseline: base.responsibility,
              other: other.responsibility,
            },
          ]
        : [];
    });
  });
  const objectCounts = others
    .filter((side) => side.sameClusterAsBaseline)
    .map((side) => {
      const changes = rows.flatMap((row) =>
        row.differences.flatMap((d) => (d.side === side.index && d.objects ? [d.objects] : [])),
      );
      const sum = (pick: (c: (typeof changes)[number]) => unknown[]) =>
        changes.reduce((n, c) => n + pick(c).length, 0);
      return {
        side: side.index,
        new: sum((c) => c.new),
        fixed: sum((c) => c.fixed),
        stillFailing: sum((c) => c.stillFailing),
      };
    });
  return { classCounts, responsibilityShifts, objectCounts };
}
