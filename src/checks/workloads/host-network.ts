// Check: no pod outside the provider's namespaces shares the host's network namespace (spec.hostNetwork).
import { t } from '../../model/text.js';
import { defineHostNamespaceCheck } from '../lib/host-namespace-check.js';

export default defineHostNamespaceCheck({
  id: 'workload-host-network',
  field: 'hostNetwork',
  title: t('容器不共享主机的网络命名空间', 'Containers do not share the host network namespace'),
  remediation: t(
    '从 Pod 规约中删除 hostNetwork: true，改用 Service 暴露端口；确需主机网络的节点代理应放在提供商或平台团队管理的命名空间中并单独审批。',
    'Remove hostNetwork: true from the pod spec and expose ports through a Service; node agents that truly need the host network belong in a namespace the platform team owns, with a recorded approval.',
  ),
  breach: t('使用主机网络（hostNetwork: true）', 'share the host network namespace (spec.hostNetwork: true)'),
});
