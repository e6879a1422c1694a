// Check: kube-controller-manager profiling is off (--profiling=false; the default is true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('kube-controller-manager', args);

export default defineFlagCheck({
  id: 'controller-manager-profiling',
  title: t(
    '控制器管理器禁用性能分析（--profiling=false）',
    'Controller manager profiling is disabled (--profiling=false)',
  ),
  component: 'kube-controller-manager',
  flag: 'profiling',
  expected: 'false',
  test: booleanFlagTest('profiling', true, false),
  remediation: t(
    '在 kube-controller-manager 启动参数中设置 --profiling=false。',
    'Set --profiling=false in the kube-controller-manager arguments.',
  ),
  examples: [
    { name: 'false', expect: 'pass', facts: () => run(['--profiling=false']) },
    { name: 'absent: defaults to true', expect: 'fail', facts: () => run([]) },
  ],
});
