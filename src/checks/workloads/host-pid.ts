// Check: no pod outside the provider's namespaces shares the host's PID namespace (spec.hostPID).
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { definePodCheck } from '../lib/workload-check.js';

export default definePodCheck({
  id: 'workload-host-pid',
  title: t('容器不共享主机的进程 ID 命名空间', 'Containers do not share the host process ID namespace'),
  remediation: t(
    '从 Pod 规约中删除 hostPID: true，并通过 Pod 安全准入 baseline 级别拒绝此类 Pod。',
    'Remove hostPID: true from the pod spec, and enforce the Pod Security baseline level so such pods are refused.',
  ),
  breach: t('共享主机的 PID 命名空间（hostPID: true）', 'share the host PID namespace (spec.hostPID: true)'),
  path: 'spec.hostPID',
  expected: 'spec.hostPID unset or false',
  inspect: ({ spec }) => (spec.hostPID === true ? [{ field: 'spec.hostPID', value: true }] : []),
  examples: [
    {
      name: 'pod without hostPID',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('web', 'shop', [{}], { hostPID: false })] }),
    },
    {
      name: 'pod with hostPID',
      expect: 'fail',
      facts: () => exampleFacts({ objects: [pod('debug', 'ops', [{}], { hostPID: true })] }),
    },
    {
      name: 'Deployment template with hostPID; its pod is skipped in favour of the template',
      expect: 'fail',
      facts: () => {
        const replica = pod('agent-5d8f-x2', 'ops', [{}], { hostPID: true });
        replica.metadata.ownerReferences = [{ kind: 'ReplicaSet', name: 'agent-5d8f', controller: true }];
        return exampleFacts({
          objects: [
            replica,
            workloadObject('Deployment', 'agent', 'ops', {
              hostPID: true,
              containers: [{ name: 'a', image: 'r/a:1' }],
            }),
          ],
        });
      },
    },
    {
      name: 'hostPID in a provider namespace is excluded',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            kubeObject('DaemonSet', 'node-agent', 'kube-system', {
              spec: { template: { spec: { hostPID: true, containers: [{ name: 'a' }] } } },
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
