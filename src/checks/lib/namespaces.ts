// The namespaces a policy rule covers: every collected Namespace except the profile's system namespaces and empty reserved ones.
import type { CheckParameters, Check, CheckExample, Offender } from '../../model/check.js';
import type { Facts, KubeObject } from '../../model/facts.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';
import { byNamespace, kubeEvidence, missingKinds, missingReason, objectsOf, shortList } from './index.js';
import { fail, manual, pass } from './outcome.js';
import { WORKLOAD_KINDS } from './workloads.js';

/** Created by Kubernetes for its own bookkeeping; they hold no workloads unless someone puts some there. */
const RESERVED = new Set(['kube-public', 'kube-node-lease']);

export interface NamespaceScope {
  names: string[];
  /** System namespaces of the profile, and reserved namespaces that hold no workloads. */
  excluded: string[];
}

export function userNamespaces(facts: Facts, params: CheckParameters): NamespaceScope {
  const system = new Set(params.systemNamespaces);
  const names: string[] = [];
  const excluded: string[] = [];
  for (const ns of objectsOf(facts, 'Namespace')) {
    const name = ns.metadata.name;
    const phase = (ns.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Terminating') continue;
    if (system.has(name) || (RESERVED.has(name) && !holdsWorkloads(facts, name))) excluded.push(name);
    else names.push(name);
  }
  return { names: names.sort(), excluded: excluded.sort() };
}

/** Namespaces a namespace-wide rule leaves out: the profile's system namespaces and the reserved ones that hold no workloads. */
export function isExcludedNamespace(facts: Facts, params: CheckParameters, namespace: string): boolean {
  return (
    params.systemNamespaces.includes(namespace) ||
    (RESERVED.has(namespace) && !holdsWorkloads(facts, namespace))
  );
}

function holdsWorkloads(facts: Facts, namespace: string): boolean {
  return WORKLOAD_KINDS.some((kind) => (byNamespace(facts, kind).get(namespace)?.length ?? 0) > 0);
}

export interface CoverageSpec {
  id: string;
  title: Text;
  component: string;
  /** The kind every user namespace should hold at least one of. */
  kind: string;
  /** Plural for evidence paths: networkpolicies. */
  resource: string;
  /** Which objects count (a default-deny policy, not any policy); all when absent. */
  qualifies?: (object: KubeObject) => boolean;
  /** What counts, for reasons and evidence, when `qualifies` narrows it: "default-deny ingress NetworkPolicy". */
  what?: string;
  remediation: Text;
  examples: CheckExample[];
}

/** Factory: every user namespace holds at least one object of `kind` (NetworkPolicy, ResourceQuota, LimitRange). */
export function defineNamespaceCoverageCheck(spec: CoverageSpec): Check {
  return {
    id: spec.id,
    title: spec.title,
    component: spec.component,
    needs: ['kubernetes:Namespace', `kubernetes:${spec.kind}`],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts, params }) {
      const missing = missingKinds(facts, ['Namespace', spec.kind]);
      if (missing.length > 0) return manual(missingReason(missing));
      const scope = userNamespaces(facts, params);
      const present = byNamespace(facts, spec.kind);
      const counts = (name: string) =>
        (present.get(name) ?? []).filter((o) => !spec.qualifies || spec.qualifies(o)).length;
      const offenders: Offender[] = scope.names
        .filter((name) => counts(name) === 0)
        .map((name) => ({ kind: 'Namespace', name, field: spec.resource, value: 0 }));
      const excludedNote = scope.excluded.length > 0 ? `; excluded: ${shortList(scope.excluded)}` : '';
      const evidence = [
        kubeEvidence(
          facts,
          spec.kind,
          `kubernetes:${spec.resource} per namespace`,
          `${scope.names.length - offenders.length} of ${scope.names.length} namespaces have one${excludedNote}`,
          `at least one ${spec.what ?? spec.kind} in every user namespace`,
        ),
      ];
      const excludedZh = scope.excluded.length > 0 ? `（未计入：${shortList(scope.excluded)}）` : '';
      const excludedEn = scope.excluded.length > 0 ? ` (excluded: ${shortList(scope.excluded)})` : '';
      return offenders.length === 0
        ? pass(
            t(
              `全部 ${scope.names.length} 个用户命名空间都有 ${spec.what ?? spec.kind}${excludedZh}`,
              `All ${scope.names.length} user namespaces have a ${spec.what ?? spec.kind}${excludedEn}`,
            ),
            evidence,
          )
        : fail(
            t(
              `${offenders.length} 个用户命名空间没有 ${spec.what ?? spec.kind}：${shortList(offenders.map((o) => o.name))}${excludedZh}`,
              `${offenders.length} user namespace(s) have no ${spec.what ?? spec.kind}: ${shortList(offenders.map((o) => o.name))}${excludedEn}`,
            ),
            evidence,
            offenders,
          );
    },
  };
}
