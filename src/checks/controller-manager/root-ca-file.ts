// Check: kube-controller-manager publishes the cluster CA to service accounts (--root-ca-file).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-controller-manager', args);

export default defineFlagCheck({
  id: 'controller-manager-root-ca-file',
  title: t('控制器管理器设置根 CA 文件（--root-ca-file）', 'Controller manager sets --root-ca-file'),
  component: 'kube-controller-manager',
  flag: 'root-ca-file',
  expected: 'set',
  test: (flags) => {
    const value = flagValue(flags, 'root-ca-file');
    return { ok: value !== undefined && value !== '', observed: value ?? 'not set' };
  },
  remediation: t(
    '在 kube-controller-manager 中设置 --root-ca-file 指向集群 CA 证书。',
    'Set --root-ca-file of kube-controller-manager to the cluster CA certificate.',
  ),
  examples: [
    { name: 'set', expect: 'pass', facts: () => run(['--root-ca-file=/etc/kubernetes/pki/ca.crt']) },
    { name: 'absent', expect: 'fail', facts: () => run([]) },
  ],
});
