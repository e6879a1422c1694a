// Check: no pod outside the provider's namespaces shares the host's network namespace (spec.hostNetwork).
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { definePodCheck } from '../lib/workload-check.js';

export default definePodCheck({
  id: 'workload-host-network',
  title: t('容器不共享主机的网络命名空间', 'Containers do not share the host network namespace'),
  remediation: t(
    '从 Pod 规约中删除 hostNetwork: true，改用 Service 暴露端口；确需主机网络的节点代理应放在提供商或平台团队管理的命名空间中并单独审批。',
    'Remove hostNetwork: true from the pod spec and expose ports through a Service; node agents that truly need the host network belong in a namespace the platform team owns, with a recorded approval.',
  ),
  breach: t('使用主机网络（hostNetwork: true）', 'share the host network namespace (spec.hostNetwork: true)'),
  path: 'spec.hostNetwork',
  expected: 'spec.hostNetwork unset or false',
  inspect: ({ spec }) => (spec.hostNetwork === true ? [{ field: 'spec.hostNetwork', value: true }] : []),
  examples: [
    {
      name: 'pod without hostNetwork',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('web', 'shop', [{}], { hostNetwork: false })] }),
    },
    {
      name: 'pod with hostNetwork',
      expect: 'fail',
      facts: () => exampleFacts({ objects: [pod('debug', 'ops', [{}], { hostNetwork: true })] }),
    },
    {
      name: 'Deployment template with hostNetwork; its pod is skipped in favour of the template',
      expect: 'fail',
      facts: () => {
        const replica = pod('agent-5d8f-x2', 'ops', [{}], { hostNetwork: true });
        replica.metadata.ownerReferences = [{ kind: 'ReplicaSet', name: 'agent-5d8f', controller: true }];
        return exampleFacts({
          objects: [
            replica,
            workloadObject('Deployment', 'agent', 'ops', {
              hostNetwork: true,
              containers: [{ name: 'a', image: 'r/a:1' }],
            }),
          ],
        });
      },
    },
    {
      name: 'hostNetwork in a provider namespace is excluded',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            kubeObject('DaemonSet', 'node-agent', 'kube-system', {
              spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'a' }] } } },
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
