// Check: kube-apiserver keeps at least 10 rotated audit log files (--audit-log-maxbackup >= 10).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-audit-log-maxbackup',
  title: t(
    'API 服务器保留至少 10 个审计日志备份（--audit-log-maxbackup）',
    'API server keeps at least 10 audit log backups (--audit-log-maxbackup)',
  ),
  component: 'kube-apiserver',
  flag: 'audit-log-maxbackup',
  expected: '>= 10',
  test: (flags) => {
    const value = flagValue(flags, 'audit-log-maxbackup');
    return { ok: value !== undefined && Number(value) >= 10, observed: value ?? 'not set' };
  },
  remediation: t(
    '在 kube-apiserver 启动参数中设置 --audit-log-maxbackup=10 或更大。',
    'Set --audit-log-maxbackup=10 or more in the kube-apiserver arguments.',
  ),
  examples: [
    { name: '10', expect: 'pass', facts: () => run(['--audit-log-maxbackup=10']) },
    { name: '3', expect: 'fail', facts: () => run(['--audit-log-maxbackup=3']) },
    { name: 'absent: no limit is not a retention setting', expect: 'fail', facts: () => run([]) },
  ],
});
