// Check: every file in the CNI configuration directory has mode 600 or more restrictive.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineFileCheck } from '../lib/file-check.js';

const dir = '/etc/cni/net.d';
const withChildren = (children: Record<string, NodeFile> | undefined) =>
  exampleFacts({
    nodes: [
      {
        name: 'worker',
        files: { [dir]: { type: 'directory', mode: '0755', owner: 'root', group: 'root', children } },
      },
    ],
  });
const file = (mode: string): NodeFile => ({ exists: true, type: 'file', mode, owner: 'root', group: 'root' });

export default defineFileCheck({
  id: 'file-cni-mode',
  title: t(
    '容器网络接口（CNI）配置文件权限为 600 或更严格',
    'Container Network Interface (CNI) files have permissions of 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'cniConfDir',
  maxMode: 0o600,
  scope: 'children',
  childLabel: 'CNI files',
  remediation: t(
    `在每个节点上对 ${dir} 下的文件执行 chmod 600（按实际的 CNI 配置目录）`,
    `On each node run chmod 600 on the files in ${dir} (or the CNI configuration directory in use)`,
  ),
  examples: [
    {
      name: 'every file 0600',
      expect: 'pass',
      facts: () => withChildren({ '10-calico.conflist': file('0600'), 'calico-kubeconfig': file('0600') }),
    },
    {
      name: 'one file 0644',
      expect: 'fail',
      facts: () => withChildren({ '10-calico.conflist': file('0600'), 'calico-kubeconfig': file('0644') }),
    },
    {
      name: 'files listed as node file entries below the directory',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          nodes: [
            {
              name: 'worker',
              files: {
                [`${dir}/10-flannel.conflist`]: { type: 'file', mode: '0644', owner: 'root', group: 'root' },
              },
            },
          ],
        }),
    },
    { name: 'directory recorded without its files', expect: 'manual', facts: () => withChildren(undefined) },
    { name: 'empty directory: nothing to protect', expect: 'not-applicable', facts: () => withChildren({}) },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
