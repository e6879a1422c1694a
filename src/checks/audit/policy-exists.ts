// Check: kube-apiserver has an audit policy (--audit-policy-file is set).
import { t } from '../../model/text.js';
import { componentExample, exampleFacts } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'audit-policy-exists',
  title: t(
    'API 服务器配置了审计策略（--audit-policy-file）',
    'A minimal audit policy is created (--audit-policy-file)',
  ),
  component: 'kube-apiserver',
  flag: 'audit-policy-file',
  expected: 'set to a Policy file',
  test: (flags) => {
    const value = flagValue(flags, 'audit-policy-file');
    return {
      ok: value !== undefined && value !== '',
      observed: value ?? 'not set: no audit events are recorded',
    };
  },
  remediation: t(
    '编写审计策略文件，在 kube-apiserver 中用 --audit-policy-file 引用它，并设置 --audit-log-path 或审计 Webhook。',
    'Write an audit policy, reference it with --audit-policy-file on kube-apiserver, and set --audit-log-path or an audit webhook.',
  ),
  examples: [
    {
      name: 'set',
      expect: 'pass',
      facts: () => run(['--audit-policy-file=/etc/kubernetes/audit-policy.yaml']),
    },
    { name: 'absent', expect: 'fail', facts: () => run(['--audit-log-path=/var/log/audit.log']) },
    { name: 'no command line', expect: 'manual', facts: () => exampleFacts() },
  ],
});
