// Reads the normalised managed cluster and turns a field into evidence.
import type { Evidence } from '../../model/check.js';
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
