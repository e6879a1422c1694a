// Check: kube-apiserver writes an audit log (--audit-log-path is set).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-audit-log-path',
  title: t('API 服务器启用审计日志（--audit-log-path）', 'API server writes an audit log (--audit-log-path)'),
  component: 'kube-apiserver',
  flag: 'audit-log-path',
  expected: 'set to a file or "-"',
  test: (flags) => {
    const value = flagValue(flags, 'audit-log-path');
    return { ok: value !== undefined && value !== '', observed: value ?? 'not set' };
  },
  remediation: t(
    '在 kube-apiserver 中设置 --audit-log-path（并配置 --audit-policy-file），将审计日志写到受保护的位置。',
    'Set --audit-log-path (with --audit-policy-file) on kube-apiserver, writing the audit log to a protected location.',
  ),
  examples: [
    {
      name: 'set',
      expect: 'pass',
      facts: () => run(['--audit-log-path=/var/log/kubernetes/audit/audit.log']),
    },
    {
      name: 'absent',
      expect: 'fail',
      facts: () => run(['--audit-policy-file=/etc/kubernetes/audit-policy.yaml']),
    },
  ],
});
