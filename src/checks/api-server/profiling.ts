// Check: kube-apiserver profiling is off (--profiling=false; the default is true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-profiling',
  title: t(
    'API 服务器禁用性能分析（--profiling=false）',
    'API server profiling is disabled (--profiling=false)',
  ),
  component: 'kube-apiserver',
  flag: 'profiling',
  expected: 'false',
  test: booleanFlagTest('profiling', true, false),
  remediation: t(
    '在 kube-apiserver 启动参数中设置 --profiling=false。',
    'Set --profiling=false in the kube-apiserver arguments.',
  ),
  examples: [
    { name: 'false', expect: 'pass', facts: () => run(['--profiling=false']) },
    { name: 'absent: defaults to true', expect: 'fail', facts: () => run([]) },
    { name: 'bare flag means true', expect: 'fail', facts: () => run(['--profiling']) },
    {
      name: '"--profiling false" leaves it on (pflag)',
      expect: 'fail',
      facts: () => run(['--profiling', 'false']),
    },
  ],
});
