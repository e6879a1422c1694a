// Offending objects of one requirement across two scans of a cluster: new, fixed and still failing.
import type { ComparedOffender, ComparedResult } from './compared.js';
import type { ObjectChanges, ObjectRef } from './model.js';

/** Objects are matched by kind, namespace, name and container: the same pod recreated under a new name is a new object. */
export function objectKey(o: { kind: string; namespace?: string; name: string; container?: string }): string {
  return `${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}\u0000${o.container ?? ''}`;
}

/** One object may break a rule in several fields (or bind several subjects): fold them into one ref. */
export function objectRefs(offenders: ComparedOffender[]): Map<string, ObjectRef> {
  const refs = new Map<string, ObjectRef>();
  for (const o of offenders) addFinding(refs, objectKey(o), o);
  return refs;
}

function addFinding(refs: Map<string, ObjectRef>, key: string, o: ComparedOffender): void {
  let ref = refs.get(key);
  if (!ref) {
    // Built field by field (not with spreads): at 150,000 pods this runs for hundreds of thousands of offenders.
    ref = { kind: o.kind } as ObjectRef;
    if (o.namespace) ref.namespace = o.namespace;
    ref.name = o.name;
    if (o.container) ref.container = o.container;
    ref.findings = [];
    refs.set(key, ref);
  }
  ref.findings.push({ field: o.field, value: o.value });
}

export function diffObjects(earlier: ComparedResult, later: ComparedResult): ObjectChanges {
  const after = objectRefs(later.offenders);
  // Of the earlier scan only the objects fixed since are needed as refs; the others are only looked up.
  const before = new Set<string>();
  const fixed = new Map<string, ObjectRef>();
  for (const o of earlier.offenders) {
    const key = objectKey(o);
    before.add(key);
    if (!after.has(key)) addFinding(fixed, key, o);
  }
  const added: ObjectRef[] = [];
  const stillFailing: ObjectRef[] = [];
  after.forEach((ref, key) => (before.has(key) ? stillFailing : added).push(ref));
  return {
    new: added,
    fixed: [...fixed.values()],
    stillFailing,
    // assessment.json may keep fewer offenders than it counted; then an object can be missed on either side.
    complete:
      earlier.offenders.length >= earlier.offenderCount && later.offenders.length >= later.offenderCount,
  };
}
