// Check: kube-apiserver authorization does not include AlwaysAllow (the flag defaults to AlwaysAllow).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { judgeAuthorizationModes } from '../lib/authorization-mode.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-authz-not-always-allow',
  title: t(
    'API 服务器授权模式不含 AlwaysAllow',
    'API server --authorization-mode does not include AlwaysAllow',
  ),
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  expected: 'no AlwaysAllow',
  test: (flags) => judgeAuthorizationModes(flags, (modes) => !modes.includes('AlwaysAllow')),
  remediation: t(
    '在 kube-apiserver 中设置 --authorization-mode=Node,RBAC（不包含 AlwaysAllow）。',
    'Set --authorization-mode=Node,RBAC on kube-apiserver, without AlwaysAllow.',
  ),
  examples: [
    { name: 'Node,RBAC', expect: 'pass', facts: () => run(['--authorization-mode=Node,RBAC']) },
    { name: 'absent: defaults to AlwaysAllow', expect: 'fail', facts: () => run(['--anonymous-auth=false']) },
    {
      name: 'AlwaysAllow after RBAC',
      expect: 'fail',
      facts: () => run(['--authorization-mode=RBAC,AlwaysAllow']),
    },
    {
      name: 'structured authorization config: needs a person',
      expect: 'manual',
      facts: () => run(['--authorization-config=/etc/kubernetes/authz.yaml']),
    },
  ],
});
