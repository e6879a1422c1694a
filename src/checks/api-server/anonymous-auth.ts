// Check: kube-apiserver runs with --anonymous-auth=false (the default is true).
import { defineFlagCheck } from '../lib/flag-check.js';
import { exampleFacts } from '../lib/example-facts.js';
import { booleanFlagTest } from '../lib/flag-tests.js';
import { t } from '../../model/text.js';

const apiserver = (args: string[]) =>
  exampleFacts({ nodes: [{ name: 'cp', processes: { 'kube-apiserver': ['kube-apiserver', ...args] } }] });

export default defineFlagCheck({
  id: 'apiserver-anonymous-auth',
  title: t(
    'API 服务器禁用匿名访问（--anonymous-auth=false）',
    'API server disables anonymous requests (--anonymous-auth=false)',
  ),
  component: 'kube-apiserver',
  flag: 'anonymous-auth',
  expected: 'false',
  test: booleanFlagTest('anonymous-auth', true, false),
  remediation: t(
    '在 kube-apiserver 的启动参数（kubeadm：/etc/kubernetes/manifests/kube-apiserver.yaml）中设置 --anonymous-auth=false。',
    'Set --anonymous-auth=false in the kube-apiserver arguments (kubeadm: /etc/kubernetes/manifests/kube-apiserver.yaml).',
  ),
  examples: [
    { name: 'set to false', expect: 'pass', facts: () => apiserver(['--anonymous-auth=false']) },
    {
      name: 'absent: defaults to true',
      expect: 'fail',
      facts: () => apiserver(['--authorization-mode=Node,RBAC']),
    },
    { name: 'set to true', expect: 'fail', facts: () => apiserver(['--anonymous-auth=true']) },
    { name: 'no command line', expect: 'manual', facts: () => exampleFacts() },
  ],
});
