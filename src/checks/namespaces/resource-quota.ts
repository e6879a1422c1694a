// Check: every user namespace has a ResourceQuota.
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, namespaceObject } from '../lib/example-facts.js';
import { defineNamespaceCoverageCheck } from '../lib/namespaces.js';

const quota = (ns: string) =>
  kubeObject('ResourceQuota', 'compute', ns, {
    spec: { hard: { 'requests.cpu': '8', 'requests.memory': '16Gi', pods: '50' } },
  });

export default defineNamespaceCoverageCheck({
  id: 'namespace-resource-quota',
  title: t('每个命名空间都设置了资源配额', 'Every namespace has a ResourceQuota'),
  component: 'namespaces',
  kind: 'ResourceQuota',
  resource: 'resourcequotas',
  remediation: t(
    '为每个用户命名空间创建 ResourceQuota，限制 CPU、内存请求与限制以及 Pod 数量，防止单个团队耗尽群集资源。',
    'Create a ResourceQuota in every user namespace that caps CPU and memory requests and limits and the pod count, so one team cannot exhaust the cluster.',
  ),
  examples: [
    {
      name: 'quota present',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [namespaceObject('shop'), quota('shop')] }),
    },
    {
      name: 'kube-public with a workload is no longer excluded',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            namespaceObject('shop'),
            namespaceObject('kube-public'),
            quota('shop'),
            kubeObject('Pod', 'oops', 'kube-public', { spec: { containers: [] } }),
          ],
        }),
    },
    {
      name: 'quota missing',
      expect: 'fail',
      facts: () => exampleFacts({ kinds: ['ResourceQuota'], objects: [namespaceObject('shop')] }),
    },
    {
      name: 'namespaces not collected',
      expect: 'manual',
      facts: () => exampleFacts({ kinds: ['ResourceQuota'] }),
    },
  ],
});
