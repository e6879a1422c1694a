// Check: every NetworkPolicy selects at least one pod (or pod template) in its namespace; an empty podSelector selects all.
import type { Check, Offender } from '../../model/check.js';
import type { Facts, KubeObject } from '../../model/facts.js';
import { POD_TEMPLATE_PATHS } from '../../facts/kinds.js';
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import {
  byNamespace,
  isCollected,
  kubeEvidence,
  matchesSelector,
  memo,
  missingReason,
  objectsOf,
  shortList,
} from '../lib/index.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { isObject, objectField } from '../lib/workloads.js';

/** Per namespace, the label sets of pods and pod templates (a Deployment scaled to zero still has its template). */
function labelSets(facts: Facts): Map<string, Record<string, string>[]> {
  return memo(facts, 'network:podLabels', () => {
    const map = new Map<string, Record<string, string>[]>();
    const add = (object: KubeObject, labels: Record<string, string> | undefined) => {
      const ns = object.metadata.namespace ?? '';
      const list = map.get(ns) ?? [];
      list.push(labels ?? {});
      map.set(ns, list);
    };
    for (const p of objectsOf(facts, 'Pod')) add(p, p.metadata.labels);
    for (const [kind, path] of Object.entries(POD_TEMPLATE_PATHS)) {
      for (const object of objectsOf(facts, kind)) {
        const labels = objectField(object, [...path.slice(0, -1), 'metadata', 'labels']);
        add(
          object,
          isObject(labels)
            ? (Object.fromEntries(Object.entries(labels).filter((e) => typeof e[1] === 'string')) as Record<
                string,
                string
              >)
            : {},
        );
      }
    }
    return map;
  });
}

const check: Check = {
  id: 'network-policy-selects-pods',
  title: t('每个网络策略都至少选中一个 Pod', 'Every NetworkPolicy selects at least one pod'),
  component: 'network',
  needs: ['kubernetes:NetworkPolicy', 'kubernetes:Pod'],
  remediation: t(
    '修正 NetworkPolicy 的 podSelector，使其与工作负载的标签一致，或删除不再使用的策略；选不中任何 Pod 的策略不提供保护，却会让人误以为已隔离。',
    'Fix the podSelector of the NetworkPolicy to match the workload labels, or delete the policy if it is no longer used; a policy that selects no pod protects nothing while suggesting isolation.',
  ),
  run({ facts, params }) {
    const missing = ['NetworkPolicy', 'Pod'].filter((k) => !isCollected(facts, k));
    if (missing.length > 0) return manual(missingReason(missing));
    const system = new Set(params.systemNamespaces);
    const sets = labelSets(facts);
    const offenders: Offender[] = [];
    let examined = 0;
    let excluded = 0;
    for (const [ns, policies] of byNamespace(facts, 'NetworkPolicy')) {
      if (system.has(ns)) {
        excluded += policies.length;
        continue;
      }
      const labels = sets.get(ns) ?? [];
      for (const policy of policies) {
        examined++;
        const selector = objectField(policy, ['spec', 'podSelector']);
        // An empty selector deliberately covers every pod, present and future: never an offender.
        if (!isEmpty(selector) && !labels.some((l) => matchesSelector(selector, l, true))) {
          offenders.push({
            kind: 'NetworkPolicy',
            namespace: ns,
            name: policy.metadata.name,
            field: 'spec.podSelector',
            value: selector ?? null,
          });
        }
      }
    }
    const excludedNote =
      excluded > 0
        ? `; ${excluded} in system namespaces (${shortList(params.systemNamespaces)}) excluded`
        : '';
    const evidence = [
      kubeEvidence(
        facts,
        'NetworkPolicy',
        'kubernetes:networkpolicies .spec.podSelector against pod and template labels',
        `${offenders.length} of ${examined} policies select no pod${excludedNote}`,
        'every policy selects a pod',
      ),
    ];
    return offenders.length === 0
      ? pass(
          t(
            `已检查 ${examined} 个网络策略，均至少选中一个 Pod`,
            `All ${examined} NetworkPolicies select at least one pod`,
          ),
          evidence,
        )
      : fail(
          t(
            `${offenders.length} 个网络策略没有选中任何 Pod`,
            `${offenders.length} NetworkPolicy(ies) select no pod`,
          ),
          evidence,
          offenders,
        );
  },
  examples: [
    {
      name: 'selector matches a Deployment template; an empty selector covers the namespace',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject(
              'Deployment',
              'api',
              'shop',
              { containers: [{ name: 'a', image: 'r/a:1' }] },
              { labels: { app: 'api' } },
            ),
            kubeObject('NetworkPolicy', 'allow-api', 'shop', {
              spec: { podSelector: { matchLabels: { app: 'api' } } },
            }),
            kubeObject('NetworkPolicy', 'default-deny', 'empty-ns', { spec: { podSelector: {} } }),
          ],
        }),
    },
    {
      name: 'selector with a typo matches nothing',
      expect: 'fail',
      facts: () => {
        const p = pod('api-1', 'shop', [{}]);
        p.metadata.labels = { app: 'api' };
        return exampleFacts({
          objects: [
            p,
            kubeObject('NetworkPolicy', 'allow-api', 'shop', {
              spec: { podSelector: { matchLabels: { app: 'apii' } } },
            }),
          ],
        });
      },
    },
    {
      name: 'matchExpressions In',
      expect: 'pass',
      facts: () => {
        const p = pod('web-1', 'shop', [{}]);
        p.metadata.labels = { tier: 'web' };
        return exampleFacts({
          objects: [
            p,
            kubeObject('NetworkPolicy', 'web', 'shop', {
              spec: {
                podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'edge'] }] },
              },
            }),
          ],
        });
      },
    },
    {
      name: 'pods not collected',
      expect: 'manual',
      facts: () =>
        exampleFacts({ objects: [kubeObject('NetworkPolicy', 'x', 'shop', { spec: { podSelector: {} } })] }),
    },
  ],
};

function isEmpty(selector: unknown): boolean {
  if (!isObject(selector)) return true;
  const labels = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
  return labels === 0 && exprs === 0;
}

export default check;
