// Check: every private key (*.key) in the Kubernetes PKI directory has mode 600 or more restrictive.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineFileCheck } from '../lib/file-check.js';

const dir = '/etc/kubernetes/pki';
const file = (mode: string): NodeFile => ({ exists: true, type: 'file', mode, owner: 'root', group: 'root' });
const withPki = (children: Record<string, NodeFile>) =>
  exampleFacts({
    nodes: [
      {
        name: 'cp',
        files: { [dir]: { type: 'directory', mode: '0755', owner: 'root', group: 'root', children } },
      },
    ],
  });

export default defineFileCheck({
  id: 'file-pki-key-mode',
  title: t('Kubernetes PKI 私钥文件权限为 600', 'Kubernetes PKI key files have permissions of 600'),
  component: 'files',
  pathParam: 'pkiDir',
  maxMode: 0o600,
  scope: 'children',
  childFilter: (relative) => relative.endsWith('.key'),
  childLabel: '*.key',
  remediation: t(
    `在控制平面节点上执行 chmod 600 ${dir}/*.key（含 etcd 子目录）`,
    `On each control-plane node run chmod 600 on ${dir}/*.key, including the etcd subdirectory`,
  ),
  examples: [
    {
      name: 'keys 0600, certificates not judged',
      expect: 'pass',
      facts: () => withPki({ 'ca.key': file('0600'), 'etcd/ca.key': file('0400'), 'ca.crt': file('0644') }),
    },
    {
      name: 'a key readable by its group',
      expect: 'fail',
      facts: () => withPki({ 'ca.key': file('0600'), 'sa.key': file('0640') }),
    },
    {
      name: 'mode missing from the facts',
      expect: 'manual',
      facts: () => withPki({ 'ca.key': { exists: true, type: 'file', owner: 'root', group: 'root' } }),
    },
  ],
});
