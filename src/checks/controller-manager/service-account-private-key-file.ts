// Check: kube-controller-manager signs service account tokens with a configured key (--service-account-private-key-file).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-controller-manager', args);

export default defineFlagCheck({
  id: 'controller-manager-service-account-private-key-file',
  title: t(
    '控制器管理器设置服务账户私钥文件（--service-account-private-key-file）',
    'Controller manager sets --service-account-private-key-file',
  ),
  component: 'kube-controller-manager',
  flag: 'service-account-private-key-file',
  expected: 'set',
  test: (flags) => {
    const value = flagValue(flags, 'service-account-private-key-file');
    return { ok: value !== undefined && value !== '', observed: value ?? 'not set' };
  },
  remediation: t(
    '在 kube-controller-manager 中设置 --service-account-private-key-file 指向服务账户私钥。',
    'Set --service-account-private-key-file of kube-controller-manager to the service account private key.',
  ),
  examples: [
    {
      name: 'set',
      expect: 'pass',
      facts: () => run(['--service-account-private-key-file=/etc/kubernetes/pki/sa.key']),
    },
    { name: 'absent', expect: 'fail', facts: () => run([]) },
  ],
});
