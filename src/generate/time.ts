// Fixed clock of the generated cluster, so output depends only on the seed and never on the wall clock.

export const COLLECTED_AT = '2026-11-20T08:30:00Z';
const BASE = Date.parse(COLLECTED_AT);

/** An RFC 3339 time `days` (may be fractional) before collection, to the second. */
export function daysAgo(days: number): string {
  return new Date(BASE - Math.round(days * 86_400) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
