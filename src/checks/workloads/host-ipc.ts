// Check: no pod outside the provider's namespaces shares the host's IPC namespace (spec.hostIPC).
import { t } from '../../model/text.js';
import { defineHostNamespaceCheck } from '../lib/host-namespace-check.js';

export default defineHostNamespaceCheck({
  id: 'workload-host-ipc',
  field: 'hostIPC',
  title: t('容器不共享主机的 IPC 命名空间', 'Containers do not share the host IPC namespace'),
  remediation: t(
    '从 Pod 规约中删除 hostIPC: true；需要进程间通信的容器应放在同一 Pod 内，而不是使用主机 IPC。',
    'Remove hostIPC: true from the pod spec; containers that need to talk over IPC belong in one pod rather than on the host IPC namespace.',
  ),
  breach: t('共享主机的 IPC 命名空间（hostIPC: true）', 'share the host IPC namespace (spec.hostIPC: true)'),
});
