// Check: kube-apiserver has no insecure bind address (--insecure-bind-address, removed in 1.24, is not set).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-insecure-bind-address',
  title: t('API 服务器未设置 --insecure-bind-address', 'API server --insecure-bind-address is not set'),
  component: 'kube-apiserver',
  flag: 'insecure-bind-address',
  expected: 'not set',
  test: (flags) => {
    const value = flagValue(flags, 'insecure-bind-address');
    return { ok: value === undefined, observed: value ?? 'not set' };
  },
  remediation: t(
    '从 kube-apiserver 启动参数中删除 --insecure-bind-address（1.24 起已移除，旧版本上应升级）。',
    'Remove --insecure-bind-address from the kube-apiserver arguments (removed in 1.24; upgrade older versions).',
  ),
  examples: [
    { name: 'not set', expect: 'pass', facts: () => run(['--secure-port=6443']) },
    { name: 'set', expect: 'fail', facts: () => run(['--insecure-bind-address=0.0.0.0']) },
  ],
});
