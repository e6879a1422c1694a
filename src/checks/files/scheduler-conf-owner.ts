// Check: the scheduler kubeconfig file (scheduler.conf) is owned by root:root.
import { t } from '../../model/text.js';
import { rootOwnerExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/scheduler.conf';
export default defineFileCheck({
  id: 'file-scheduler-conf-owner',
  title: t(
    '调度器 kubeconfig 文件（scheduler.conf）属主为 root:root',
    'Scheduler kubeconfig file (scheduler.conf) ownership is root:root',
  ),
  component: 'files',
  pathParam: 'schedulerConf',
  owner: 'root:root',
  remediation: t(
    `在每个节点上执行 chown root:root ${file}（按实际路径）`,
    `On each node run chown root:root ${file} (adjust to the actual path)`,
  ),
  examples: rootOwnerExamples(file),
});
