// Check: kube-apiserver has no insecure port (--insecure-port absent or 0; removed in 1.24).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-insecure-port',
  title: t(
    'API 服务器关闭非安全端口（--insecure-port 为 0 或未设置）',
    'API server --insecure-port is 0 or not set',
  ),
  component: 'kube-apiserver',
  flag: 'insecure-port',
  expected: 'absent or 0',
  test: (flags) => {
    const value = flagValue(flags, 'insecure-port');
    return { ok: value === undefined || Number(value) === 0, observed: value ?? 'not set' };
  },
  remediation: t(
    '从 kube-apiserver 启动参数中删除 --insecure-port，或在旧版本上设为 0。',
    'Remove --insecure-port from the kube-apiserver arguments, or set it to 0 on older versions.',
  ),
  examples: [
    { name: 'absent', expect: 'pass', facts: () => run([]) },
    { name: '0', expect: 'pass', facts: () => run(['--insecure-port=0']) },
    { name: '8080', expect: 'fail', facts: () => run(['--insecure-port=8080']) },
  ],
});
