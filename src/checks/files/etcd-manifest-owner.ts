// Check: the etcd pod specification file is owned by root:root.
import { t } from '../../model/text.js';
import { rootOwnerExamples } from '../lib/file-examples.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/manifests/etcd.yaml';
export default defineFileCheck({
  id: 'file-etcd-manifest-owner',
  title: t('etcd Pod 规范文件属主为 root:root', 'Etcd pod specification file ownership is root:root'),
  component: 'files',
  pathParam: 'etcdManifest',
  owner: 'root:root',
  remediation: t(
    `在每个节点上执行 chown root:root ${file}（按实际路径）`,
    `On each node run chown root:root ${file} (adjust to the actual path)`,
  ),
  examples: rootOwnerExamples(file),
});
