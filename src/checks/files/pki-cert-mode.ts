// Check: every certificate (*.crt) in the Kubernetes PKI directory has mode 600 or more restrictive.
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
  id: 'file-pki-cert-mode',
  title: t(
    'Kubernetes PKI 证书文件权限为 600 或更严格',
    'Kubernetes PKI certificate files have permissions of 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'pkiDir',
  maxMode: 0o600,
  scope: 'children',
  childFilter: (relative) => relative.endsWith('.crt'),
  childLabel: '*.crt',
  remediation: t(
    `在控制平面节点上执行 chmod -R 600 ${dir}/*.crt（含 etcd 子目录）`,
    `On each control-plane node run chmod 600 on ${dir}/*.crt, including the etcd subdirectory`,
  ),
  examples: [
    {
      name: 'certificates 0600; keys are not judged here',
      expect: 'pass',
      facts: () => withPki({ 'ca.crt': file('0600'), 'etcd/ca.crt': file('0600'), 'sa.pub': file('0644') }),
    },
    {
      name: 'ca.crt 0644 (kubeadm default)',
      expect: 'fail',
      facts: () => withPki({ 'ca.crt': file('0644'), 'apiserver.crt': file('0600') }),
    },
    {
      name: 'no certificates listed',
      expect: 'not-applicable',
      facts: () => withPki({ 'ca.key': file('0600') }),
    },
  ],
});
