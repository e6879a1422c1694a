// Check (RBAC): who can use the nodes/proxy subresource (direct access to every kubelet API).
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { defineWhoCanCheck, rbacExample } from '../lib/rbac-check.js';

export default defineWhoCanCheck({
  id: 'rbac-nodes-proxy',
  title: t('尽量减少对节点 proxy 子资源的访问', 'Access to the nodes/proxy subresource is minimised'),
  ability: t('访问 nodes/proxy', 'use nodes/proxy'),
  query: { key: 'nodes-proxy', permissions: [{ group: '', resource: 'nodes/proxy', clusterScoped: true }] },
  remediation: t(
    '从角色中删除 nodes/proxy（以及 resources: ["*"]）；监控组件改用 kubelet 的 /metrics 只读授权（nodes/metrics）或 metrics-server。',
    'Remove nodes/proxy (and resources: ["*"]) from roles; let monitoring use nodes/metrics or metrics-server instead of proxying to the kubelet.',
  ),
  examples: [
    {
      name: 'monitoring reads nodes/metrics only',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject('prometheus', undefined, [
            { apiGroups: [''], resources: ['nodes', 'nodes/metrics'], verbs: ['get', 'list', 'watch'] },
          ]),
          bindingObject('prometheus', undefined, 'ClusterRole/prometheus', [
            { kind: 'ServiceAccount', name: 'prometheus', namespace: 'monitoring' },
          ]),
        ]),
    },
    {
      name: 'the default service account of monitoring can proxy to kubelets',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('scraper', undefined, [{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }]),
          bindingObject('scraper', undefined, 'ClusterRole/scraper', [
            { kind: 'ServiceAccount', name: 'default', namespace: 'monitoring' },
          ]),
        ]),
    },
    {
      name: 'a named exporter can proxy (needs review)',
      expect: 'manual',
      facts: () =>
        rbacExample([
          roleObject('scraper', undefined, [{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }]),
          bindingObject('scraper', undefined, 'ClusterRole/scraper', [
            { kind: 'ServiceAccount', name: 'prometheus', namespace: 'monitoring' },
          ]),
        ]),
    },
    { name: 'RBAC not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
