// Check: no pod outside the provider's namespaces shares the host's IPC namespace (spec.hostIPC).
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { definePodCheck } from '../lib/workload-check.js';

export default definePodCheck({
  id: 'workload-host-ipc',
  title: t('容器不共享主机的 IPC 命名空间', 'Containers do not share the host IPC namespace'),
  remediation: t(
    '从 Pod 规约中删除 hostIPC: true；需要进程间通信的容器应放在同一 Pod 内，而不是使用主机 IPC。',
    'Remove hostIPC: true from the pod spec; containers that need to talk over IPC belong in one pod rather than on the host IPC namespace.',
  ),
  breach: t('共享主机的 IPC 命名空间（hostIPC: true）', 'share the host IPC namespace (spec.hostIPC: true)'),
  path: 'spec.hostIPC',
  expected: 'spec.hostIPC unset or false',
  inspect: ({ spec }) => (spec.hostIPC === true ? [{ field: 'spec.hostIPC', value: true }] : []),
  examples: [
    {
      name: 'pod without hostIPC',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('web', 'shop', [{}], { hostIPC: false })] }),
    },
    {
      name: 'pod with hostIPC',
      expect: 'fail',
      facts: () => exampleFacts({ objects: [pod('debug', 'ops', [{}], { hostIPC: true })] }),
    },
    {
      name: 'Deployment template with hostIPC; its pod is skipped in favour of the template',
      expect: 'fail',
      facts: () => {
        const replica = pod('agent-5d8f-x2', 'ops', [{}], { hostIPC: true });
        replica.metadata.ownerReferences = [{ kind: 'ReplicaSet', name: 'agent-5d8f', controller: true }];
        return exampleFacts({
          objects: [
            replica,
            workloadObject('Deployment', 'agent', 'ops', {
              hostIPC: true,
              containers: [{ name: 'a', image: 'r/a:1' }],
            }),
          ],
        });
      },
    },
    {
      name: 'hostIPC in a provider namespace is excluded',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            kubeObject('DaemonSet', 'node-agent', 'kube-system', {
              spec: { template: { spec: { hostIPC: true, containers: [{ name: 'a' }] } } },
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
