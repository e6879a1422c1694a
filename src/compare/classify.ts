// The difference class of one requirement between the baseline and another side; docs/compare.md explains each rule.
import type { ComparedResult } from './compared.js';
import type { Status } from '../model/status.js';
import type { DifferenceClass, ObjectChanges } from './model.js';

export interface PairFacts {
  base?: ComparedResult;
  other?: ComparedResult;
  /** Both scans are of one cluster, so a change is a change over time. */
  sameCluster: boolean;
  /** The other side was collected after the baseline (or at the same time). */
  otherIsLater: boolean;
  /** Offending objects from the earlier scan to the later one (same cluster only). */
  objects?: ObjectChanges;
}

/** How good a status is for a cluster's owner, to tell a regression from an improvement. */
const RANK: Record<Status, number> = {
  fail: 0,
  error: 1,
  manual: 2,
  waived: 3,
  pass: 4,
  'not-applicable': 4,
  'equivalent-control': 4,
  'provider-attested': 4,
};

/** Pass and fail are read from the facts; every other status comes from a mapping, a person, a waiver or a gap. */
const decidedByFacts = (status: Status) => status === 'pass' || status === 'fail';

export function classify({ base, other, sameCluster, otherIsLater, objects }: PairFacts): DifferenceClass {
  if (!base || !other) return 'only-in-one';
  const [earlier, later] = otherIsLater ? [base, other] : [other, base];
  if (base.status === other.status) {
    if (!sameCluster || !objects) return 'same';
    // Same status over time: the objects decide. Any new offending object is a regression, even when others were
    // fixed, because it is a new failure someone must look at; the fixed objects are still listed.
    if (objects.new.length > 0) return 'regression';
    if (objects.fixed.length > 0) return 'improvement';
    return 'same';
  }
  if (decidedByFacts(base.status) && decidedByFacts(other.status)) {
    if (!sameCluster) return 'configuration';
    return later.status === 'fail' ? 'regression' : 'improvement';
  }
  if (base.mapping.mapping !== other.mapping.mapping) return 'remapped';
  if (!sameCluster) return 'configuration';
  const change = RANK[later.status] - RANK[earlier.status];
  return change < 0 ? 'regression' : change > 0 ? 'improvement' : 'configuration';
}
