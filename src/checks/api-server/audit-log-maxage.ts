// Check: kube-apiserver keeps audit logs at least 30 days (--audit-log-maxage >= 30).
import { defineFlagCheck } from '../lib/flag-check.js';
import { exampleFacts } from '../lib/example-facts.js';
import { flagValue } from '../lib/flags.js';
import { t } from '../../model/text.js';

const apiserver = (args: string[]) =>
  exampleFacts({ nodes: [{ name: 'cp', processes: { 'kube-apiserver': ['kube-apiserver', ...args] } }] });

export default defineFlagCheck({
  id: 'apiserver-audit-log-maxage',
  title: t(
    'API 服务器审计日志保留至少 30 天（--audit-log-maxage）',
    'API server keeps audit logs for at least 30 days (--audit-log-maxage)',
  ),
  component: 'kube-apiserver',
  flag: 'audit-log-maxage',
  expected: '>= 30',
  test: (flags) => {
    const value = flagValue(flags, 'audit-log-maxage');
    return { ok: value !== undefined && Number(value) >= 30, observed: value ?? null };
  },
  remediation: t(
    '在 kube-apiserver 启动参数中设置 --audit-log-maxage=30 或更大。',
    'Set --audit-log-maxage=30 or more in the kube-apiserver arguments.',
  ),
  examples: [
    {
      name: '30 days',
      expect: 'pass',
      facts: () => apiserver(['--audit-log-path=/var/log/audit.log', '--audit-log-maxage=30']),
    },
    { name: 'separate value form', expect: 'pass', facts: () => apiserver(['--audit-log-maxage', '90']) },
    { name: '7 days', expect: 'fail', facts: () => apiserver(['--audit-log-maxage=7']) },
    { name: 'absent', expect: 'fail', facts: () => apiserver([]) },
  ],
});
