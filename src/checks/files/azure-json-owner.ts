// Check (CIS AKS 3.1.4): the node's Azure cloud provider configuration (/etc/kubernetes/azure.json) is owned by root:root.
import { t } from '../../model/text.js';
import { rootOwnerExamples, withPath } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/azure.json';
export default defineFileCheck({
  id: 'file-azure-json-owner',
  title: t('节点的 azure.json 文件属主为 root:root', "The node's azure.json file is owned by root:root"),
  component: 'files',
  pathParam: 'azureJson',
  owner: 'root:root',
  remediation: t(`在每个节点上执行 chown root:root ${file}`, `On each node run chown root:root ${file}`),
  examples: withPath(rootOwnerExamples(file, 'worker'), 'azureJson', file),
});
