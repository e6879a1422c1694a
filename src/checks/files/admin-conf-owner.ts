// Check: the admin kubeconfig file (admin.conf) is owned by root:root.
import { t } from '../../model/text.js';
import { rootOwnerExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/admin.conf';
export default defineFileCheck({
  id: 'file-admin-conf-owner',
  title: t(
    '管理员 kubeconfig 文件（admin.conf）属主为 root:root',
    'Admin kubeconfig file (admin.conf) ownership is root:root',
  ),
  component: 'files',
  pathParam: 'adminConf',
  owner: 'root:root',
  remediation: t(
    `在每个节点上执行 chown root:root ${file}（按实际路径）`,
    `On each node run chown root:root ${file} (adjust to the actual path)`,
  ),
  examples: rootOwnerExamples(file),
});
