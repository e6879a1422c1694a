// Check: kube-apiserver authorization includes the Node authorizer.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { judgeAuthorizationModes } from '../lib/authorization-mode.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-authz-node',
  title: t('API 服务器授权模式包含 Node', 'API server --authorization-mode includes Node'),
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  expected: 'includes Node',
  test: (flags) => judgeAuthorizationModes(flags, (modes) => modes.includes('Node')),
  remediation: t(
    '在 kube-apiserver 的 --authorization-mode 中加入 Node，例如 --authorization-mode=Node,RBAC。',
    'Add Node to --authorization-mode of kube-apiserver, for example --authorization-mode=Node,RBAC.',
  ),
  examples: [
    { name: 'Node,RBAC', expect: 'pass', facts: () => run(['--authorization-mode=Node,RBAC']) },
    { name: 'RBAC only', expect: 'fail', facts: () => run(['--authorization-mode=RBAC']) },
    {
      name: 'repeated flag, Node in the second',
      expect: 'pass',
      facts: () => run(['--authorization-mode=RBAC', '--authorization-mode', 'Node']),
    },
    { name: 'absent', expect: 'fail', facts: () => run([]) },
  ],
});
