// Describes each compared assessment (cluster, framework, profile, score) and whether it is the baseline's cluster.
import type { ComparedAssessment } from './compared.js';
import type { SideCorrespondence } from './correspond.js';
import type { LoadedAssessment } from './inputs.js';
import type { ComparisonSide } from './model.js';

/** One cluster: the same Azure resource id when both sides have one, otherwise the same cluster name. */
export function sameCluster(a: ComparedAssessment, b: ComparedAssessment): boolean {
  const ra = a.cluster.resourceId;
  const rb = b.cluster.resourceId;
  // ARM resource ids are case-insensitive (resourceGroups vs resourcegroups both occur).
  if (ra && rb) return ra.toLowerCase() === rb.toLowerCase();
  return a.cluster.name === b.cluster.name;
}

/** True when `other` was collected at or after `base`; unreadable times keep the order given. */
export function isLater(base: ComparedAssessment, other: ComparedAssessment): boolean {
  return collectedAtOrAfter(base.collection.collectedAt, other.collection.collectedAt);
}

export function collectedAtOrAfter(base: string, other: string): boolean {
  const a = Date.parse(base);
  const b = Date.parse(other);
  return Number.isNaN(a) || Number.isNaN(b) ? true : b >= a;
}

export function describeSide(
  loaded: LoadedAssessment,
  index: number,
  baseline: ComparedAssessment,
  correspondence: SideCorrespondence | undefined,
): ComparisonSide {
  const a = loaded.assessment;
  return {
    index,
    source: { file: loaded.file, sha256: loaded.sha256 },
    cluster: a.cluster,
    framework: a.framework,
    profile: a.profile,
    collectedAt: a.collection.collectedAt,
    generatedAt: a.generatedAt,
    total: a.results.length,
    counts: a.summary.counts,
    score: a.summary.score,
    correspondence: correspondence?.kind ?? 'baseline',
    ...(correspondence?.frameworkMap ? { frameworkMap: correspondence.frameworkMap } : {}),
    sameClusterAsBaseline: index > 0 && sameCluster(baseline, a),
  };
}
