// Check: the kubelet service file has mode 600 or more restrictive.
import { t } from '../../model/text.js';
import { modeExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf';
export default defineFileCheck({
  id: 'file-kubelet-service-mode',
  title: t(
    'kubelet 服务文件权限为 600 或更严格',
    'Kubelet service file permissions are 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'kubeletService',
  maxMode: 0o600,
  remediation: t(
    `在每个节点上执行 chmod 600 ${file}（按实际路径）`,
    `On each node run chmod 600 ${file} (adjust to the actual path)`,
  ),
  examples: modeExamples(file, 'worker'),
});
