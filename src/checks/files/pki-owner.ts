// Check: the Kubernetes PKI directory and every file below it are owned by root:root.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineFileCheck } from '../lib/file-check.js';

const dir = '/etc/kubernetes/pki';
const entry = (owner: string, group: string, type: NodeFile['type'] = 'file'): NodeFile => ({
  exists: true,
  type,
  mode: '0600',
  owner,
  group,
});
const withPki = (self: NodeFile, children: Record<string, NodeFile>) =>
  exampleFacts({ nodes: [{ name: 'cp', files: { [dir]: { ...self, children } } }] });

export default defineFileCheck({
  id: 'file-pki-owner',
  title: t(
    'Kubernetes PKI 目录及其文件属主为 root:root',
    'The Kubernetes PKI directory and its files are owned by root:root',
  ),
  component: 'files',
  pathParam: 'pkiDir',
  owner: 'root:root',
  scope: 'self-and-children',
  childLabel: 'PKI files',
  remediation: t(
    `在控制平面节点上执行 chown -R root:root ${dir}`,
    `On each control-plane node run chown -R root:root ${dir}`,
  ),
  examples: [
    {
      name: 'directory and files root:root',
      expect: 'pass',
      facts: () =>
        withPki(entry('root', 'root', 'directory'), {
          'ca.crt': entry('root', 'root'),
          'ca.key': entry('root', 'root'),
          'etcd/ca.key': entry('root', 'root'),
        }),
    },
    {
      name: 'a key owned by another user',
      expect: 'fail',
      facts: () => withPki(entry('root', 'root', 'directory'), { 'ca.key': entry('admin', 'admin') }),
    },
    {
      name: 'the directory itself not root',
      expect: 'fail',
      facts: () => withPki(entry('kube', 'kube', 'directory'), { 'ca.key': entry('root', 'root') }),
    },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
