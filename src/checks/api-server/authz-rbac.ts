// Check: kube-apiserver authorization includes RBAC.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { judgeAuthorizationModes } from '../lib/authorization-mode.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-authz-rbac',
  title: t('API 服务器授权模式包含 RBAC', 'API server --authorization-mode includes RBAC'),
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  expected: 'includes RBAC',
  test: (flags) => judgeAuthorizationModes(flags, (modes) => modes.includes('RBAC')),
  remediation: t(
    '在 kube-apiserver 的 --authorization-mode 中加入 RBAC，例如 --authorization-mode=Node,RBAC。',
    'Add RBAC to --authorization-mode of kube-apiserver, for example --authorization-mode=Node,RBAC.',
  ),
  examples: [
    { name: 'Node,RBAC', expect: 'pass', facts: () => run(['--authorization-mode=Node,RBAC']) },
    { name: 'Node,Webhook', expect: 'fail', facts: () => run(['--authorization-mode=Node,Webhook']) },
    { name: 'absent', expect: 'fail', facts: () => run([]) },
  ],
});
