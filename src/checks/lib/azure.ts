// Reads the normalised managed cluster, turns a field into evidence, and builds checks decided by ARM fields alone.
import type { Check, CheckExample, CheckOutcome, Evidence } from '../../model/check.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';
import { fail, manual, pass } from './outcome.js';
import type { Facts, JsonValue } from '../../model/facts.js';
import { readPath } from '../../facts/managed-cluster.js';

export function armValue(facts: Facts, path: string): JsonValue | undefined {
  return readPath(facts.azure.managedCluster, path);
}

export function armEvidence(facts: Facts, path: string, expected: string): Evidence {
  const origin = facts.origins.get('azure:managedCluster');
  return {
    source: origin?.source === 'snapshot' ? 'snapshot' : 'azure-arm',
    path: `azure:${path}`,
    observed: armValue(facts, path) ?? null,
    expected,
    time: origin?.time ?? facts.collectedAt,
    file: origin?.file,
  };
}

/** The usual outcome when the snapshot has no managed cluster: a person must look (never a pass). */
export function noManagedCluster(): CheckOutcome {
  return manual(
    t(
      '快照中没有 AKS 托管群集数据（azure/managed-cluster.json）',
      'The snapshot holds no AKS managed cluster data (azure/managed-cluster.json)',
    ),
  );
}

export interface ArmCheckSpec {
  id: string;
  title: Text;
  remediation: Text;
  examples: CheckExample[];
  /** The ARM fields shown as evidence, with what each should be. */
  fields: { path: string; expected: string }[];
  /** Decides from the evidence (observed values in `fields` order). */
  ok(observed: (JsonValue | undefined)[]): boolean;
  passReason: Text;
  failReason: Text;
}

/** Factory for checks decided by fields of the managed cluster alone. */
export function defineArmCheck(spec: ArmCheckSpec): Check {
  return {
    id: spec.id,
    title: spec.title,
    component: 'azure',
    needs: ['azure:managedCluster'],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts }) {
      if (!facts.azure.managedCluster) return noManagedCluster();
      const evidence = spec.fields.map((f) => armEvidence(facts, f.path, f.expected));
      return spec.ok(spec.fields.map((f) => armValue(facts, f.path)))
        ? pass(spec.passReason, evidence)
        : fail(spec.failReason, evidence);
    },
  };
}
