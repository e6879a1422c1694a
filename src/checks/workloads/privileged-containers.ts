// Check: no container outside the provider's namespaces runs privileged (securityContext.privileged).
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod } from '../lib/example-facts.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, isPrivileged } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-privileged-containers',
  title: t('不运行特权容器', 'No privileged containers are admitted'),
  remediation: t(
    '去掉容器的 securityContext.privileged: true；在命名空间上设置 Pod 安全准入标签 pod-security.kubernetes.io/enforce=baseline（或 restricted）以拒绝特权容器。',
    'Remove securityContext.privileged: true from the containers, and label namespaces pod-security.kubernetes.io/enforce=baseline (or restricted) so privileged containers are refused.',
  ),
  breach: t('以特权模式运行', 'run privileged'),
  path: 'containers[].securityContext.privileged',
  expected: '0 privileged containers',
  inspect: (ref) =>
    isPrivileged(ref) ? [{ field: containerField(ref, 'securityContext.privileged'), value: true }] : [],
  examples: [
    {
      name: 'unprivileged pod',
      expect: 'pass',
      facts: () =>
        exampleFacts({ objects: [pod('web', 'shop', [{ securityContext: { privileged: false } }])] }),
    },
    {
      name: 'privileged pod',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [pod('agent', 'ops', [{ securityContext: { privileged: true } }])] }),
    },
    {
      name: 'privileged DaemonSet template',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            kubeObject('DaemonSet', 'agent', 'ops', {
              spec: {
                template: { spec: { containers: [{ name: 'a', securityContext: { privileged: true } }] } },
              },
            }),
          ],
        }),
    },
    {
      name: 'privileged in a system namespace the provider owns',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () =>
        exampleFacts({
          objects: [pod('kube-proxy', 'kube-system', [{ securityContext: { privileged: true } }])],
        }),
    },
    {
      name: 'privileged DaemonSet template; DaemonSets collected but no pods (a bare pod could still hide): fail stands',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            kubeObject('DaemonSet', 'agent', 'ops', {
              spec: {
                template: { spec: { containers: [{ name: 'a', securityContext: { privileged: true } }] } },
              },
            }),
          ],
        }),
    },
    { name: 'no pod list', expect: 'manual', facts: () => exampleFacts() },
  ],
});
