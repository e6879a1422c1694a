// Check: the kubelet configuration file (config.yaml) has mode 600 or more restrictive.
import { t } from '../../model/text.js';
import { modeExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/var/lib/kubelet/config.yaml';
export default defineFileCheck({
  id: 'file-kubelet-config-mode',
  title: t(
    'kubelet 配置文件（config.yaml）权限为 600 或更严格',
    'Kubelet configuration file (config.yaml) permissions are 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'kubeletConfig',
  maxMode: 0o600,
  remediation: t(
    `在每个节点上执行 chmod 600 ${file}（按实际路径）`,
    `On each node run chmod 600 ${file} (adjust to the actual path)`,
  ),
  examples: modeExamples(file, 'worker'),
});
