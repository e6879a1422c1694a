// Check: the kubelet kubeconfig file (kubelet.conf) has mode 600 or more restrictive.
import { t } from '../../model/text.js';
import { modeExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/kubelet.conf';
export default defineFileCheck({
  id: 'file-kubelet-kubeconfig-mode',
  title: t(
    'kubelet 的 kubeconfig 文件（kubelet.conf）权限为 600 或更严格',
    'Kubelet kubeconfig file (kubelet.conf) permissions are 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'kubeletConf',
  maxMode: 0o600,
  remediation: t(
    `在每个节点上执行 chmod 600 ${file}（按实际路径）`,
    `On each node run chmod 600 ${file} (adjust to the actual path)`,
  ),
  examples: modeExamples(file, 'worker'),
});
