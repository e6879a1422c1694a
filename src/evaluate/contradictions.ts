// Facts that defeat a provider's published result: when the cluster is seen to contradict it, the facts decide.
import type { Contradiction } from '../model/catalogue.js';
import type { Evidence } from '../model/check.js';
import type { Facts, JsonValue } from '../model/facts.js';
import { readPath } from '../facts/managed-cluster.js';
import { gapAffects } from './run-checks.js';

export interface Defeat {
  contradiction: Contradiction;
  evidence: Evidence[];
}

/** The first named contradiction the facts show, with the evidence; only facts observed in this run count. */
export function defeatOf(
  facts: Facts,
  contradictions: readonly Contradiction[] | undefined,
): Defeat | undefined {
  for (const contradiction of contradictions ?? []) {
    const evidence = contradiction.fact.startsWith('azure:')
      ? fromAzure(facts, contradiction)
      : fromConfigz(facts, contradiction);
    if (evidence.length > 0) return { contradiction, evidence };
  }
  return undefined;
}

function observed(facts: Facts, part: string): boolean {
  return facts.origins.has(part) && !facts.gaps.some((gap) => gapAffects(gap, part));
}

function expectedOf(c: Contradiction): string {
  return `not ${JSON.stringify(c.equals)} (the published result assumes so)`;
}

function fromAzure(facts: Facts, c: Contradiction): Evidence[] {
  const cluster = facts.azure.managedCluster;
  if (!cluster || !observed(facts, 'azure:managedCluster')) return [];
  const path = c.fact.slice('azure:'.length);
  const value = readPath(cluster, path);
  if (value !== c.equals) return [];
  const origin = facts.origins.get('azure:managedCluster')!;
  return [
    {
      source: origin.source,
      path: c.fact,
      observed: value as JsonValue,
      expected: expectedOf(c),
      time: origin.time,
      ...(origin.file ? { file: origin.file } : {}),
    },
  ];
}

function fromConfigz(facts: Facts, c: Contradiction): Evidence[] {
  const path = c.fact.slice('configz:'.length);
  const evidence: Evidence[] = [];
  for (const [node, config] of facts.kubernetes.configz) {
    const part = `kubernetes:configz:${node}`;
    if (!observed(facts, part)) continue;
    const value = readPath(config, path);
    if (value !== c.equals) continue;
    const origin = facts.origins.get(part)!;
    evidence.push({
      source: origin.source,
      path: `node ${node} kubelet ${path}`,
      observed: value as JsonValue,
      expected: expectedOf(c),
      time: origin.time,
      ...(origin.file ? { file: origin.file } : {}),
    });
  }
  return evidence;
}
