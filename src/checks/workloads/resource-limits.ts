// Check: every container has CPU and memory requests and limits, counting what a namespace LimitRange fills in for templates.
import type { Facts } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { byNamespace, memo } from '../lib/index.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, dig, isObject, objectField } from '../lib/workloads.js';

const RESOURCES = ['cpu', 'memory'] as const;

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

export default defineContainerCheck({
  id: 'workload-resource-limits',
  title: t('容器设置了 CPU 与内存的请求和限制', 'Containers set CPU and memory requests and limits'),
  remediation: t(
    '为每个容器设置 resources.requests 与 resources.limits（cpu、memory），或在命名空间中创建带 default/defaultRequest 的 LimitRange。',
    'Set resources.requests and resources.limits (cpu, memory) on every container, or create a LimitRange with default and defaultRequest in the namespace.',
  ),
  breach: t('缺少 CPU 或内存的请求或限制', 'lack a CPU or memory request or limit'),
  path: 'containers[].resources.{requests,limits}.{cpu,memory}',
  expected: 'requests and limits for cpu and memory (own or LimitRange default)',
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
    for (const r of RESOURCES) {
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
  examples: [
    {
      name: 'requests and limits set',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [
              {
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { cpu: '1', memory: '256Mi' },
                },
              },
            ]),
          ],
        }),
    },
    {
      name: 'requests only',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [pod('web', 'shop', [{ resources: { requests: { cpu: '100m', memory: '128Mi' } } }])],
        }),
    },
    {
      name: 'template without resources, covered by a namespace LimitRange',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('Deployment', 'api', 'shop', { containers: [{ name: 'api', image: 'r/a:1' }] }),
            kubeObject('LimitRange', 'defaults', 'shop', {
              spec: {
                limits: [
                  {
                    type: 'Container',
                    default: { cpu: '500m', memory: '256Mi' },
                    defaultRequest: { cpu: '100m', memory: '128Mi' },
                  },
                ],
              },
            }),
          ],
        }),
    },
    {
      name: 'LimitRange in another namespace does not count',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('Deployment', 'api', 'shop', { containers: [{ name: 'api', image: 'r/a:1' }] }),
            kubeObject('LimitRange', 'defaults', 'other', {
              spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' } }] },
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
