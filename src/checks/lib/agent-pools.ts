// Reads the managed cluster's agent pools and builds checks that every pool must pass (node public IPs, FIPS, SSH).
import type { Check, CheckExample, Evidence } from '../../model/check.js';
import type { Facts, JsonObject, JsonValue } from '../../model/facts.js';
import { t, type Text } from '../../model/text.js';
import { readPath } from '../../facts/managed-cluster.js';
import { armValue, noManagedCluster } from './azure.js';
import { fail, manual, pass } from './outcome.js';

export interface AgentPool {
  name: string;
  profile: JsonObject;
}

/** The agent pools ARM lists (`agentPoolProfiles`); undefined when the field is missing or not a list. */
export function agentPools(facts: Facts): AgentPool[] | undefined {
  const list = armValue(facts, 'agentPoolProfiles');
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((entry, index) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? [{ name: typeof entry.name === 'string' ? entry.name : `#${index}`, profile: entry }]
      : [],
  );
}

export function poolEvidence(facts: Facts, pool: AgentPool, path: string, expected: string): Evidence {
  const origin = facts.origins.get('azure:managedCluster');
  return {
    source: origin?.source === 'snapshot' ? 'snapshot' : 'azure-arm',
    path: `azure:agentPoolProfiles[${pool.name}].${path}`,
    observed: readPath(pool.profile, path) ?? null,
    expected,
    time: origin?.time ?? facts.collectedAt,
    file: origin?.file,
  };
}

export interface PoolCheckSpec {
  id: string;
  title: Text;
  remediation: Text;
  examples: CheckExample[];
  /** The pool field shown as evidence (dotted, case-insensitive). */
  field: string;
  expected: string;
  /** true: the pool meets it; false: it does not; undefined: the payload cannot tell (the check ends manual). */
  judge(value: JsonValue | undefined, pool: JsonObject): boolean | undefined;
  /** Phrase for the pools that fail, e.g. "give nodes public IPs". */
  failing: Text;
  passReason: Text;
}

/** Factory for checks every agent pool must pass; a pool ARM does not describe fully leaves the check manual. */
export function definePoolCheck(spec: PoolCheckSpec): Check {
  return {
    id: spec.id,
    title: spec.title,
    component: 'azure',
    needs: ['azure:managedCluster'],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts }) {
      if (!facts.azure.managedCluster) return noManagedCluster();
      const pools = agentPools(facts);
      if (!pools || pools.length === 0)
        return manual(
          t(
            '托管群集数据中没有代理池（agentPoolProfiles）',
            'The managed cluster data lists no agent pools (agentPoolProfiles)',
          ),
        );
      const evidence = pools.map((p) => poolEvidence(facts, p, spec.field, spec.expected));
      const verdicts = pools.map((p) => ({
        pool: p.name,
        ok: spec.judge(readPath(p.profile, spec.field), p.profile),
      }));
      const bad = verdicts.filter((v) => v.ok === false).map((v) => v.pool);
      const unknown = verdicts.filter((v) => v.ok === undefined).map((v) => v.pool);
      if (bad.length > 0)
        return fail(
          t(
            `代理池 ${bad.join('、')} ${spec.failing.zh}`,
            `Agent pool(s) ${bad.join(', ')} ${spec.failing.en}`,
          ),
          evidence,
        );
      if (unknown.length > 0)
        return manual(
          t(
            `代理池 ${unknown.join('、')} 的 ${spec.field} 无法从 ARM 数据判断`,
            `${spec.field} of agent pool(s) ${unknown.join(', ')} cannot be told from the ARM data`,
          ),
          evidence,
        );
      return pass(spec.passReason, evidence);
    },
  };
}
