// Check: the etcd data directory (etcd's own --data-dir, else the profile's path) has mode 700 or more restrictive.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { etcdDataDirOn } from '../lib/component-paths.js';
import { defineFileCheck } from '../lib/file-check.js';

const dir = '/var/lib/etcd';
const withDir = (facts: Partial<NodeFile>) =>
  exampleFacts({
    nodes: [{ name: 'cp', files: { [dir]: { type: 'directory', owner: 'etcd', group: 'etcd', ...facts } } }],
  });

export default defineFileCheck({
  id: 'file-etcd-data-dir-mode',
  title: t(
    'etcd 数据目录权限为 700 或更严格',
    'The etcd data directory permissions are 700 or more restrictive',
  ),
  component: 'files',
  pathParam: 'etcdDataDir',
  pathOnNode: etcdDataDirOn,
  maxMode: 0o700,
  remediation: t(
    `在运行 etcd 的节点上执行 chmod 700 ${dir}（以 etcd 的 --data-dir 为准）`,
    `On each etcd node run chmod 700 ${dir} (the directory given by etcd's --data-dir)`,
  ),
  examples: [
    { name: 'mode 0700', expect: 'pass', facts: () => withDir({ mode: '0700' }) },
    { name: 'mode 0755', expect: 'fail', facts: () => withDir({ mode: '0755' }) },
    {
      name: '--data-dir names another directory: that one is judged',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          nodes: [
            {
              name: 'cp',
              processes: { etcd: ['etcd', '--data-dir=/data/etcd'] },
              files: {
                [dir]: { type: 'directory', mode: '0700', owner: 'root', group: 'root' },
                '/data/etcd': { type: 'directory', mode: '0755', owner: 'root', group: 'root' },
              },
            },
          ],
        }),
    },
    { name: 'mode unknown', expect: 'manual', facts: () => withDir({}) },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
