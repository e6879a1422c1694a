// Check: every user namespace has at least one NetworkPolicy.
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, namespaceObject } from '../lib/example-facts.js';
import { defineNamespaceCoverageCheck } from '../lib/namespaces.js';

const policy = (ns: string) =>
  kubeObject('NetworkPolicy', 'default-deny', ns, {
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });

export default defineNamespaceCoverageCheck({
  id: 'network-namespaces-have-policy',
  title: t('每个命名空间都定义了网络策略', 'Every namespace has a NetworkPolicy'),
  component: 'network',
  kind: 'NetworkPolicy',
  resource: 'networkpolicies',
  remediation: t(
    '在每个用户命名空间中创建默认拒绝的 NetworkPolicy（podSelector: {}，policyTypes: [Ingress, Egress]），再按需放行流量。',
    'Create a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) in every user namespace, then allow the traffic each application needs.',
  ),
  examples: [
    {
      name: 'each namespace has a policy',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [namespaceObject('shop'), namespaceObject('billing'), policy('shop'), policy('billing')],
        }),
    },
    {
      name: 'one namespace without',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [namespaceObject('shop'), namespaceObject('billing'), policy('shop')] }),
    },
    {
      name: 'provider and empty reserved namespaces are excluded',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () =>
        exampleFacts({
          objects: [
            namespaceObject('kube-system'),
            namespaceObject('kube-node-lease'),
            namespaceObject('shop'),
            policy('shop'),
          ],
        }),
    },
    {
      name: 'NetworkPolicies collected, none exist',
      expect: 'fail',
      facts: () => exampleFacts({ kinds: ['NetworkPolicy'], objects: [namespaceObject('shop')] }),
    },
    {
      name: 'NetworkPolicies not collected',
      expect: 'manual',
      facts: () => exampleFacts({ objects: [namespaceObject('shop')] }),
    },
  ],
});
