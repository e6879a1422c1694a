// Check: the etcd data directory (etcd's own --data-dir, else the profile's path) is owned by etcd:etcd, as CIS 1.1.12 asks.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { etcdDataDirOn } from '../lib/component-paths.js';
import { defineFileCheck } from '../lib/file-check.js';

const dir = '/var/lib/etcd';
const withDir = (facts: Partial<NodeFile>) =>
  exampleFacts({ nodes: [{ name: 'cp', files: { [dir]: { type: 'directory', mode: '0700', ...facts } } }] });

export default defineFileCheck({
  id: 'file-etcd-data-dir-owner',
  title: t('etcd 数据目录属主为 etcd:etcd', 'The etcd data directory ownership is etcd:etcd'),
  component: 'files',
  pathParam: 'etcdDataDir',
  pathOnNode: etcdDataDirOn,
  owner: 'etcd:etcd',
  remediation: t(
    `创建 etcd 系统用户并执行 chown etcd:etcd ${dir}（kubeadm 以 root 运行 etcd 时该目录为 root:root，需评估是否调整）`,
    `Create an etcd system user and run chown etcd:etcd ${dir} (kubeadm runs etcd as root, leaving root:root; decide whether to change it)`,
  ),
  examples: [
    { name: 'etcd:etcd', expect: 'pass', facts: () => withDir({ owner: 'etcd', group: 'etcd' }) },
    {
      name: 'root:root, as kubeadm leaves it',
      expect: 'fail',
      facts: () => withDir({ owner: 'root', group: 'root' }),
    },
    {
      name: 'the directory --data-dir names is judged, not the default path',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          nodes: [
            {
              name: 'cp',
              processes: { etcd: ['etcd', '--data-dir=/data/etcd'] },
              files: {
                [dir]: { type: 'directory', mode: '0700', owner: 'root', group: 'root' },
                '/data/etcd': { type: 'directory', mode: '0700', owner: 'etcd', group: 'etcd' },
              },
            },
          ],
        }),
    },
    {
      name: 'directory absent',
      expect: 'manual',
      facts: () => exampleFacts({ nodes: [{ name: 'cp', files: { [dir]: { exists: false } } }] }),
    },
  ],
});
