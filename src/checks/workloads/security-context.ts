// Check: every container has a security context, its own or the pod's (an empty object counts as none).
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, isObject } from '../lib/workloads.js';

const present = (value: unknown) => isObject(value) && Object.keys(value).length > 0;

export default defineContainerCheck({
  id: 'workload-security-context',
  title: t('Pod 与容器设置了安全上下文', 'Pods and containers set a security context'),
  remediation: t(
    '为每个 Pod 设置 securityContext（runAsNonRoot、seccompProfile 等），并为容器设置 allowPrivilegeEscalation: false、capabilities.drop: ["ALL"] 和 readOnlyRootFilesystem: true。',
    'Give every pod a securityContext (runAsNonRoot, seccompProfile, …) and every container allowPrivilegeEscalation: false, capabilities.drop: ["ALL"] and readOnlyRootFilesystem: true.',
  ),
  breach: t('在 Pod 和容器两级都缺少安全上下文', 'lack a security context at both pod and container level'),
  path: 'spec.securityContext and containers[].securityContext',
  expected: 'a non-empty securityContext on the pod or the container',
  inspect(ref): Finding[] {
    if (present(ref.container.securityContext) || present(ref.spec.securityContext)) return [];
    return [{ field: containerField(ref, 'securityContext'), value: null }];
  },
  examples: [
    {
      name: 'pod-level context covers the container',
      expect: 'pass',
      facts: () =>
        exampleFacts({ objects: [pod('api', 'shop', [{}], { securityContext: { runAsNonRoot: true } })] }),
    },
    {
      name: 'empty contexts at both levels',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [pod('web', 'shop', [{ securityContext: {} }], { securityContext: {} })] }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
