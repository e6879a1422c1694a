// Offending objects of one requirement across two scans of a cluster: new, fixed and still failing.
import type { ComparedOffender, ComparedResult } from './compared.js';
import type { ObjectChanges, ObjectRef } from './model.js';

/** Objects are matched by kind, namespace, name and container: the same pod recreated under a new name is a new object. */
export function objectKey(o: { kind: string; namespace?: string; name: string; container?: string }): string {
  return [o.kind, o.namespace ?? '', o.name, o.container ?? ''].join('\u0000');
}

/** One object may break a rule in several fields (or bind several subjects): fold them into one ref. */
export function objectRefs(offenders: ComparedOffender[]): Map<string, ObjectRef> {
  const refs = new Map<string, ObjectRef>();
  for (const o of offenders) {
    const key = objectKey(o);
    const ref = refs.get(key) ?? {
      kind: o.kind,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      name: o.name,
      ...(o.container ? { container: o.container } : {}),
      findings: [],
    };
    ref.findings.push({ field: o.field, value: o.value });
    refs.set(key, ref);
  }
  return refs;
}

export function diffObjects(earlier: ComparedResult, later: ComparedResult): ObjectChanges {
  const before = objectRefs(earlier.offenders);
  const after = objectRefs(later.offenders);
  return {
    new: [...after].filter(([key]) => !before.has(key)).map(([, ref]) => ref),
    fixed: [...before].filter(([key]) => !after.has(key)).map(([, ref]) => ref),
    stillFailing: [...after].filter(([key]) => before.has(key)).map(([, ref]) => ref),
    // assessment.json may keep fewer offenders than it counted; then an object can be missed on either side.
    complete:
      earlier.offenders.length >= earlier.offenderCount && later.offenders.length >= later.offenderCount,
  };
}
