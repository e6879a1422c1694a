// Geometry for the inline SVG charts (status donut, per-section bars): numbers only; templates draw and label them.
import type { StatusCounts } from '../../model/assessment.js';
import { STATUSES, type Status } from '../../model/status.js';
import { STATUS_CHART_COLOR } from '../status-colors.js';

export interface DonutSegment {
  status: Status | 'published-fail';
  color: string;
  /** stroke-dasharray "length gap" on a circle of circumference DONUT_CIRCUMFERENCE. */
  dash: string;
  /** stroke-dashoffset placing the segment after the previous ones. */
  offset: string;
}

export const DONUT_RADIUS = 40;
const CIRCUMFERENCE = 2 * Math.PI * DONUT_RADIUS;

/** Segments of a donut, one per non-zero status, starting at 12 o'clock and going clockwise. */
export function donut(counts: StatusCounts): DonutSegment[] {
  return donutOf(
    STATUSES.map((status) => ({ status, count: counts[status], color: STATUS_CHART_COLOR[status] })),
  );
}

/** Segments of a donut for any slices (the summary splits provider-attested by the published result). */
export function donutOf(
  slices: { status: DonutSegment['status']; count: number; color: string }[],
): DonutSegment[] {
  const total = slices.reduce((sum, s) => sum + s.count, 0);
  if (total === 0) return [];
  let start = 0;
  const segments: DonutSegment[] = [];
  for (const slice of slices) {
    if (slice.count === 0) continue;
    const length = (slice.count / total) * CIRCUMFERENCE;
    segments.push({
      status: slice.status,
      color: slice.color,
      dash: `${fix(length)} ${fix(CIRCUMFERENCE - length)}`,
      offset: fix(-start),
    });
    start += length;
  }
  return segments;
}

export interface BarSegment {
  status: Status;
  color: string;
  x: string;
  width: string;
}

/** A stacked horizontal bar of `width` units for one group's status counts. */
export function stackedBar(counts: StatusCounts, width: number): BarSegment[] {
  const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
  if (total === 0) return [];
  let x = 0;
  const segments: BarSegment[] = [];
  for (const status of STATUSES) {
    if (counts[status] === 0) continue;
    const w = (counts[status] / total) * width;
    segments.push({ status, color: STATUS_CHART_COLOR[status], x: fix(x), width: fix(w) });
    x += w;
  }
  return segments;
}

function fix(n: number): string {
  return n.toFixed(3);
}
