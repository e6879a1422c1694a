// Check: kube-apiserver authorization includes RBAC.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagList, flagValue, hasFlag } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-authz-rbac',
  title: t('API 服务器授权模式包含 RBAC', 'API server --authorization-mode includes RBAC'),
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  expected: 'includes RBAC',
  test: (flags) => {
    if (hasFlag(flags, 'authorization-config'))
      return {
        ok: undefined,
        observed: `--authorization-config=${flagValue(flags, 'authorization-config')}`,
      };
    const given = flagList(flags, 'authorization-mode');
    const modes = given.length > 0 ? given : ['AlwaysAllow'];
    return {
      ok: modes.includes('RBAC'),
      observed: given.length > 0 ? given.join(',') : 'not set (defaults to AlwaysAllow)',
    };
  },
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
