// Check (CIS AKS 3.1.1): the kubelet's kubeconfig file has mode 644 or more restrictive.
import { t } from '../../model/text.js';
import { mode644Examples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/kubelet.conf';
export default defineFileCheck({
  id: 'file-kubelet-kubeconfig-mode-644',
  title: t(
    'kubelet 的 kubeconfig 文件权限为 644 或更严格',
    'The kubelet kubeconfig file permissions are 644 or more restrictive',
  ),
  component: 'files',
  pathParam: 'kubeletConf',
  maxMode: 0o644,
  remediation: t(
    `在每个节点上执行 chmod 644 ${file}（AKS：/var/lib/kubelet/kubeconfig；按实际路径）`,
    `On each node run chmod 644 ${file} (AKS: /var/lib/kubelet/kubeconfig; adjust to the actual path)`,
  ),
  examples: mode644Examples(file),
});
