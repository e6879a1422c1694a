// Check (CIS AKS 3.1.3): the node's Azure cloud provider configuration (/etc/kubernetes/azure.json) has mode 644 or more restrictive.
import { t } from '../../model/text.js';
import { mode644Examples, withPath } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/azure.json';
export default defineFileCheck({
  id: 'file-azure-json-mode',
  title: t(
    '节点的 azure.json 文件权限为 644 或更严格',
    "The node's azure.json file permissions are 644 or more restrictive",
  ),
  component: 'files',
  pathParam: 'azureJson',
  maxMode: 0o644,
  remediation: t(
    `在每个节点上执行 chmod 644 ${file}（AKS 节点映像默认为 0600）`,
    `On each node run chmod 644 ${file} (the AKS node image sets 0600)`,
  ),
  examples: withPath(mode644Examples(file), 'azureJson', file),
});
