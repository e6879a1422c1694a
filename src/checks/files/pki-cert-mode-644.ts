// Check (CIS v1.12.0 1.1.20): every certificate (*.crt) in the Kubernetes PKI directory has mode 644 or more restrictive.
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
  id: 'file-pki-cert-mode-644',
  title: t(
    'Kubernetes PKI 证书文件权限为 644 或更严格',
    'Kubernetes PKI certificate files have permissions of 644 or more restrictive (CIS v1.12.0)',
  ),
  component: 'files',
  pathParam: 'pkiDir',
  maxMode: 0o644,
  scope: 'children',
  childFilter: (relative) => relative.endsWith('.crt'),
  childLabel: '*.crt',
  remediation: t(
    `在控制平面节点上执行 chmod -R 644 ${dir}/*.crt（含 etcd 子目录）`,
    `On each control-plane node run chmod 644 on ${dir}/*.crt, including the etcd subdirectory`,
  ),
  examples: [
    {
      name: 'ca.crt 0644 (kubeadm default) is within 644',
      expect: 'pass',
      facts: () => withPki({ 'ca.crt': file('0644'), 'etcd/ca.crt': file('0600'), 'sa.key': file('0666') }),
    },
    {
      name: 'a group-writable certificate',
      expect: 'fail',
      facts: () => withPki({ 'ca.crt': file('0664'), 'apiserver.crt': file('0644') }),
    },
    {
      name: 'no certificates listed',
      expect: 'not-applicable',
      facts: () => withPki({ 'ca.key': file('0600') }),
    },
  ],
});
