// Check: no pod outside the provider's namespaces shares the host's PID namespace (spec.hostPID).
import { t } from '../../model/text.js';
import { defineHostNamespaceCheck } from '../lib/host-namespace-check.js';

export default defineHostNamespaceCheck({
  id: 'workload-host-pid',
  field: 'hostPID',
  title: t('容器不共享主机的进程 ID 命名空间', 'Containers do not share the host process ID namespace'),
  remediation: t(
    '从 Pod 规约中删除 hostPID: true，并通过 Pod 安全准入 baseline 级别拒绝此类 Pod。',
    'Remove hostPID: true from the pod spec, and enforce the Pod Security baseline level so such pods are refused.',
  ),
  breach: t('共享主机的 PID 命名空间（hostPID: true）', 'share the host PID namespace (spec.hostPID: true)'),
});
