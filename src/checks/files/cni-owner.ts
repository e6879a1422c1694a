// Check: every file in the CNI configuration directory is owned by root:root.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineFileCheck } from '../lib/file-check.js';

const dir = '/etc/cni/net.d';
const withChildren = (children: Record<string, NodeFile>) =>
  exampleFacts({
    nodes: [
      {
        name: 'worker',
        files: { [dir]: { type: 'directory', mode: '0755', owner: 'root', group: 'root', children } },
      },
    ],
  });
const file = (owner: string, group: string): NodeFile => ({
  exists: true,
  type: 'file',
  mode: '0600',
  owner,
  group,
});

export default defineFileCheck({
  id: 'file-cni-owner',
  title: t(
    '容器网络接口（CNI）配置文件属主为 root:root',
    'Container Network Interface (CNI) files are owned by root:root',
  ),
  component: 'files',
  pathParam: 'cniConfDir',
  owner: 'root:root',
  scope: 'children',
  childLabel: 'CNI files',
  remediation: t(
    `在每个节点上对 ${dir} 下的文件执行 chown root:root`,
    `On each node run chown root:root on the files in ${dir}`,
  ),
  examples: [
    {
      name: 'every file root:root',
      expect: 'pass',
      facts: () => withChildren({ '10-calico.conflist': file('root', 'root') }),
    },
    {
      name: 'a file owned by the CNI agent user',
      expect: 'fail',
      facts: () =>
        withChildren({
          '10-calico.conflist': file('root', 'root'),
          'calico-kubeconfig': file('calico', 'calico'),
        }),
    },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
