// Check: kube-scheduler profiling is off (--profiling=false; the default is true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('kube-scheduler', args);

export default defineFlagCheck({
  id: 'scheduler-profiling',
  title: t('调度器禁用性能分析（--profiling=false）', 'Scheduler profiling is disabled (--profiling=false)'),
  component: 'kube-scheduler',
  flag: 'profiling',
  expected: 'false',
  test: booleanFlagTest('profiling', true, false),
  ignoredWhen: {
    flag: 'config',
    reason: t(
      'kube-scheduler 使用 --config 时会忽略已弃用的 --profiling 参数，需要人工核查配置文件中的 enableProfiling',
      'With --config, kube-scheduler ignores the deprecated --profiling flag: a person must review enableProfiling in that file',
    ),
  },
  remediation: t(
    '在 kube-scheduler 启动参数中设置 --profiling=false（使用 --config 时在配置文件中设置 enableProfiling: false）。',
    'Set --profiling=false in the kube-scheduler arguments (with --config, set enableProfiling: false in that file).',
  ),
  examples: [
    { name: 'false', expect: 'pass', facts: () => run(['--profiling=false']) },
    { name: 'absent: defaults to true', expect: 'fail', facts: () => run(['--bind-address=127.0.0.1']) },
    {
      name: 'with --config the flag is ignored',
      expect: 'manual',
      facts: () => run(['--config=/etc/kubernetes/scheduler-config.yaml', '--profiling=false']),
    },
  ],
});
