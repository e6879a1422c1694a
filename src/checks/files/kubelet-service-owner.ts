// Check: the kubelet service file is owned by root:root.
import { t } from '../../model/text.js';
import { rootOwnerExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf';
export default defineFileCheck({
  id: 'file-kubelet-service-owner',
  title: t('kubelet 服务文件属主为 root:root', 'Kubelet service file ownership is root:root'),
  component: 'files',
  pathParam: 'kubeletService',
  owner: 'root:root',
  remediation: t(
    `在每个节点上执行 chown root:root ${file}（按实际路径）`,
    `On each node run chown root:root ${file} (adjust to the actual path)`,
  ),
  examples: rootOwnerExamples(file, 'worker'),
});
