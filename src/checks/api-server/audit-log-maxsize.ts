// Check: kube-apiserver rotates audit logs at 100 MB or more (--audit-log-maxsize >= 100).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-audit-log-maxsize',
  title: t(
    'API 服务器审计日志轮转大小至少 100 MB（--audit-log-maxsize）',
    'API server rotates audit logs at 100 MB or more (--audit-log-maxsize)',
  ),
  component: 'kube-apiserver',
  flag: 'audit-log-maxsize',
  expected: '>= 100',
  test: (flags) => {
    const value = flagValue(flags, 'audit-log-maxsize');
    return { ok: value !== undefined && Number(value) >= 100, observed: value ?? 'not set' };
  },
  remediation: t(
    '在 kube-apiserver 启动参数中设置 --audit-log-maxsize=100 或更大。',
    'Set --audit-log-maxsize=100 or more in the kube-apiserver arguments.',
  ),
  examples: [
    { name: '200', expect: 'pass', facts: () => run(['--audit-log-maxsize', '200']) },
    { name: '50', expect: 'fail', facts: () => run(['--audit-log-maxsize=50']) },
    { name: 'absent', expect: 'fail', facts: () => run([]) },
  ],
});
