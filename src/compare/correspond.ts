// Matches each side's requirements to the baseline's: same framework by id, Q/KXY ↔ CIS by shared checks, else a map.
import type { ComparedAssessment, ComparedResult } from './compared.js';
import { InputError } from '../util/errors.js';
import type { FrameworkMap } from './framework-map.js';
import type { Correspondence } from './model.js';

export interface SideCorrespondence {
  kind: Correspondence;
  frameworkMap?: string;
  /** Baseline requirement id → this side's requirement id. */
  toSide: Map<string, string>;
}

/**
 * Framework pairs whose requirements correspond through the checks they share, without a map file:
 * Q/KXY CS001—2023 and CIS Kubernetes decide many requirements with the same checks.
 */
const SHARED_CHECK_PAIRS: [RegExp, RegExp][] = [[/^q-kxy-cs001/i, /^cis-kubernetes/i]];

export function correspond(
  baseline: { file: string; assessment: ComparedAssessment },
  side: { file: string; assessment: ComparedAssessment },
  maps: FrameworkMap[],
): SideCorrespondence {
  const a = baseline.assessment.framework.id;
  const b = side.assessment.framework.id;
  if (a === b) {
    const ids = new Set(side.assessment.results.map((r) => r.id));
    return {
      kind: 'same-framework',
      toSide: new Map(baseline.assessment.results.filter((r) => ids.has(r.id)).map((r) => [r.id, r.id])),
    };
  }
  const map = maps.find((m) => (m.from === a && m.to === b) || (m.from === b && m.to === a));
  if (map) return { kind: 'framework-map', frameworkMap: map.file, toSide: byMap(map, baseline, side) };
  if (SHARED_CHECK_PAIRS.some(([x, y]) => (x.test(a) && y.test(b)) || (x.test(b) && y.test(a)))) {
    return {
      kind: 'shared-checks',
      toSide: bySharedChecks(baseline.assessment.results, side.assessment.results),
    };
  }
  throw InputError.at(
    side.file,
    'framework.id',
    `is ${b} but the baseline ${baseline.file} is ${a}; assessments of different frameworks are compared only with --framework-map FILE saying how their requirements correspond (see docs/compare.md)`,
  );
}

/** Requirements correspond when they list the same set of check ids; manual ones (no checks) never do. */
function bySharedChecks(base: ComparedResult[], other: ComparedResult[]): Map<string, string> {
  const key = (r: ComparedResult) => [...new Set(r.checks)].sort().join('\n');
  const free = new Map<string, string[]>();
  for (const r of other) {
    if (r.checks.length === 0) continue;
    free.set(key(r), [...(free.get(key(r)) ?? []), r.id]);
  }
  const pairs = new Map<string, string>();
  for (const r of base) {
    // Several requirements with the same checks are paired in framework order, each used once.
    const match = r.checks.length > 0 ? free.get(key(r))?.shift() : undefined;
    if (match !== undefined) pairs.set(r.id, match);
  }
  return pairs;
}

function byMap(
  map: FrameworkMap,
  baseline: { file: string; assessment: ComparedAssessment },
  side: { file: string; assessment: ComparedAssessment },
): Map<string, string> {
  const forward = map.from === baseline.assessment.framework.id;
  const baseIds = new Set(baseline.assessment.results.map((r) => r.id));
  const sideIds = new Set(side.assessment.results.map((r) => r.id));
  const pairs = new Map<string, string>();
  for (const [fromId, toId] of map.pairs) {
    const [baseId, sideId] = forward ? [fromId, toId] : [toId, fromId];
    const missing = !baseIds.has(baseId)
      ? [baseId, baseline]
      : !sideIds.has(sideId)
        ? [sideId, side]
        : undefined;
    if (missing) {
      const [id, where] = missing as [string, { file: string; assessment: ComparedAssessment }];
      throw InputError.at(
        map.file,
        `requirements.${fromId}`,
        `requirement ${id} is not in ${where.assessment.framework.id} (${where.file})`,
      );
    }
    pairs.set(baseId, sideId);
  }
  return pairs;
}
