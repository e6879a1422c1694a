// Check: the controller manager kubeconfig file (controller-manager.conf) is owned by root:root.
import { t } from '../../model/text.js';
import { rootOwnerExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/controller-manager.conf';
export default defineFileCheck({
  id: 'file-controller-manager-conf-owner',
  title: t(
    '控制器管理器 kubeconfig 文件（controller-manager.conf）属主为 root:root',
    'Controller manager kubeconfig file (controller-manager.conf) ownership is root:root',
  ),
  component: 'files',
  pathParam: 'controllerManagerConf',
  owner: 'root:root',
  remediation: t(
    `在每个节点上执行 chown root:root ${file}（按实际路径）`,
    `On each node run chown root:root ${file} (adjust to the actual path)`,
  ),
  examples: rootOwnerExamples(file),
});
