// Check (NSA/CISA): every user namespace has a default-deny ingress NetworkPolicy: it selects every pod and allows no ingress.
import type { KubeObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, namespaceObject } from '../lib/example-facts.js';
import { defineNamespaceCoverageCheck } from '../lib/namespaces.js';
import { isObject, strings } from '../lib/workloads.js';

/**
 * Denies all ingress to all pods of its namespace: an empty podSelector, Ingress among its policy types
 * (absent policyTypes means Ingress), and no ingress rule (one empty rule `{}` would allow everything).
 */
export function isDefaultDenyIngress(policy: KubeObject): boolean {
  const spec = isObject(policy.spec) ? policy.spec : {};
  const selector = isObject(spec.podSelector) ? spec.podSelector : undefined;
  const selectsAll =
    selector !== undefined &&
    Object.keys(isObject(selector.matchLabels) ? selector.matchLabels : {}).length === 0 &&
    (Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0) === 0;
  const types = strings(spec.policyTypes);
  const ingressType = types.length === 0 ? true : types.includes('Ingress');
  const rules = Array.isArray(spec.ingress) ? spec.ingress : [];
  return selectsAll && ingressType && rules.length === 0;
}

const policy = (ns: string, spec: Record<string, unknown>) =>
  kubeObject('NetworkPolicy', 'p', ns, { spec: spec as never });

export default defineNamespaceCoverageCheck({
  id: 'network-default-deny-ingress',
  title: t(
    '每个命名空间都有默认拒绝全部入站流量的网络策略',
    'Every namespace has a default-deny NetworkPolicy for all ingress',
  ),
  component: 'network',
  kind: 'NetworkPolicy',
  resource: 'networkpolicies',
  qualifies: isDefaultDenyIngress,
  what: 'default-deny ingress NetworkPolicy',
  remediation: t(
    '在每个用户命名空间中创建 podSelector: {}、policyTypes 含 Ingress 且没有 ingress 规则的 NetworkPolicy，再用其他策略按需放行。',
    'In every user namespace create a NetworkPolicy with podSelector: {}, Ingress in policyTypes and no ingress rules, then allow what each application needs with further policies.',
  ),
  examples: [
    {
      name: 'default deny in every namespace',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [namespaceObject('shop'), policy('shop', { podSelector: {}, policyTypes: ['Ingress'] })],
        }),
    },
    {
      name: 'a policy selecting some pods only',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            namespaceObject('shop'),
            policy('shop', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] }),
          ],
        }),
    },
    {
      name: 'an allow-all ingress rule is not a deny',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [namespaceObject('shop'), policy('shop', { podSelector: {}, ingress: [{}] })],
        }),
    },
    {
      name: 'an egress-only policy denies no ingress',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [namespaceObject('shop'), policy('shop', { podSelector: {}, policyTypes: ['Egress'] })],
        }),
    },
    {
      name: 'NetworkPolicies not collected',
      expect: 'manual',
      facts: () => exampleFacts({ objects: [namespaceObject('shop')] }),
    },
  ],
});
