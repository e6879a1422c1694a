// Check: the kubelet kubeconfig file (kubelet.conf) is owned by root:root.
import { t } from '../../model/text.js';
import { rootOwnerExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/kubelet.conf';
export default defineFileCheck({
  id: 'file-kubelet-kubeconfig-owner',
  title: t(
    'kubelet 的 kubeconfig 文件（kubelet.conf）属主为 root:root',
    'Kubelet kubeconfig file (kubelet.conf) ownership is root:root',
  ),
  component: 'files',
  pathParam: 'kubeletConf',
  owner: 'root:root',
  remediation: t(
    `在每个节点上执行 chown root:root ${file}（按实际路径）`,
    `On each node run chown root:root ${file} (adjust to the actual path)`,
  ),
  examples: rootOwnerExamples(file, 'worker'),
});
