// Factory for resource request/limit checks: one or both of cpu and memory, counting what a namespace LimitRange fills in.
import type { Check, CheckExample } from '../../model/check.js';
import type { Facts } from '../../model/facts.js';
import type { Text } from '../../model/text.js';
import { byNamespace, memo } from './index.js';
import type { Finding } from './workload-check.js';
import { defineContainerCheck } from './workload-check.js';
import { containerField, dig, isObject, objectField } from './workloads.js';

export type Resource = 'cpu' | 'memory';
const RESOURCES: readonly Resource[] = ['cpu', 'memory'];

interface Defaults {
  limits: Set<string>;
  requests: Set<string>;
}

/**
 * Per namespace: the resources a Container LimitRange defaults. The API server fills `default` (limit)
 * and `defaultRequest` into new pods, so a template without them is still covered; a request also
 * defaults to the limit when only the limit is known.
 */
function limitRangeDefaults(facts: Facts): Map<string, Defaults> {
  return memo(facts, 'resource-limits:limitRanges', () => {
    const map = new Map<string, Defaults>();
    for (const [ns, ranges] of byNamespace(facts, 'LimitRange')) {
      const d: Defaults = { limits: new Set(), requests: new Set() };
      for (const range of ranges) {
        const items = objectField(range, ['spec', 'limits']);
        for (const item of Array.isArray(items) ? items.filter(isObject) : []) {
          if (item.type !== 'Container') continue;
          for (const r of RESOURCES) {
            if (dig(item, ['default', r]) !== undefined) {
              d.limits.add(r);
              d.requests.add(r);
            }
            if (dig(item, ['defaultRequest', r]) !== undefined) d.requests.add(r);
          }
        }
      }
      map.set(ns, d);
    }
    return map;
  });
}

export interface ResourceCheckSpec {
  id: string;
  title: Text;
  remediation: Text;
  breach: Text;
  /** The resources that must have a request and a limit. */
  resources: readonly Resource[];
  examples: CheckExample[];
}

export function defineResourceCheck(spec: ResourceCheckSpec): Check {
  return defineContainerCheck({
    id: spec.id,
    title: spec.title,
    remediation: spec.remediation,
    breach: spec.breach,
    path: `containers[].resources.{requests,limits}.{${spec.resources.join(',')}}`,
    expected: `requests and limits for ${spec.resources.join(' and ')} (own or LimitRange default)`,
    extraNeeds: ['kubernetes:LimitRange'],
    inspect(ref, facts): Finding[] {
      // Ephemeral (debug) containers cannot carry resources.
      if (ref.list === 'ephemeralContainers') return [];
      // A pod already carries what the LimitRange filled in at admission; only templates need the defaults.
      const defaults =
        ref.object.kind === 'Pod'
          ? undefined
          : limitRangeDefaults(facts).get(ref.object.metadata.namespace ?? '');
      const missing: string[] = [];
      for (const r of spec.resources) {
        const limit =
          dig(ref.container, ['resources', 'limits', r]) !== undefined || (defaults?.limits.has(r) ?? false);
        // Kubernetes sets a missing request to the limit.
        const request =
          dig(ref.container, ['resources', 'requests', r]) !== undefined ||
          limit ||
          (defaults?.requests.has(r) ?? false);
        if (!request) missing.push(`requests.${r}`);
        if (!limit) missing.push(`limits.${r}`);
      }
      return missing.length === 0
        ? []
        : [{ field: containerField(ref, 'resources'), value: `missing ${missing.join(', ')}` }];
    },
    examples: spec.examples,
  });
}
