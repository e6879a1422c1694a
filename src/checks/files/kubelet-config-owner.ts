// Check: the kubelet configuration file (config.yaml) is owned by root:root.
import { t } from '../../model/text.js';
import { rootOwnerExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/var/lib/kubelet/config.yaml';
export default defineFileCheck({
  id: 'file-kubelet-config-owner',
  title: t(
    'kubelet 配置文件（config.yaml）属主为 root:root',
    'Kubelet configuration file (config.yaml) ownership is root:root',
  ),
  component: 'files',
  pathParam: 'kubeletConfig',
  owner: 'root:root',
  remediation: t(
    `在每个节点上执行 chown root:root ${file}（按实际路径）`,
    `On each node run chown root:root ${file} (adjust to the actual path)`,
  ),
  examples: rootOwnerExamples(file, 'worker'),
});
