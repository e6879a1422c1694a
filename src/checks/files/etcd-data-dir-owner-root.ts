// Check: the etcd data directory (etcd's own --data-dir, else the profile's path) is owned by root:root, as the Q/KXY 5.4.1.4 clause asks.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { etcdDataDirOn } from '../lib/component-paths.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineFileCheck } from '../lib/file-check.js';

const dir = '/var/lib/etcd';
const withDir = (facts: Partial<NodeFile>) =>
  exampleFacts({ nodes: [{ name: 'cp', files: { [dir]: { type: 'directory', mode: '0700', ...facts } } }] });

// CIS 1.1.12 asks etcd:etcd; Q/KXY's table asks root:root (only its Annex A remediation line says etcd:etcd,
// and the clause governs), so Q/KXY gets its own check.
export default defineFileCheck({
  id: 'file-etcd-data-dir-owner-root',
  title: t('etcd 数据目录属主为 root:root', 'The etcd data directory ownership is root:root'),
  component: 'files',
  pathParam: 'etcdDataDir',
  pathOnNode: etcdDataDirOn,
  owner: 'root:root',
  remediation: t(
    `在运行 etcd 的节点上执行 chown root:root ${dir}（以 etcd 的 --data-dir 为准）`,
    `On each etcd node run chown root:root ${dir} (the directory given by etcd's --data-dir)`,
  ),
  examples: [
    {
      name: 'root:root, as kubeadm leaves it',
      expect: 'pass',
      facts: () => withDir({ owner: 'root', group: 'root' }),
    },
    { name: 'etcd:etcd', expect: 'fail', facts: () => withDir({ owner: 'etcd', group: 'etcd' }) },
    {
      name: 'the directory --data-dir names is judged',
      expect: 'fail',
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
