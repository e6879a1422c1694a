// Check: the controller manager kubeconfig file (controller-manager.conf) has mode 600 or more restrictive.
import { t } from '../../model/text.js';
import { modeExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/controller-manager.conf';
export default defineFileCheck({
  id: 'file-controller-manager-conf-mode',
  title: t(
    '控制器管理器 kubeconfig 文件（controller-manager.conf）权限为 600 或更严格',
    'Controller manager kubeconfig file (controller-manager.conf) permissions are 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'controllerManagerConf',
  maxMode: 0o600,
  remediation: t(
    `在每个节点上执行 chmod 600 ${file}（按实际路径）`,
    `On each node run chmod 600 ${file} (adjust to the actual path)`,
  ),
  examples: modeExamples(file),
});
