// Check: kube-scheduler serves only on loopback (--bind-address=127.0.0.1).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { loopbackBindTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('kube-scheduler', args);

export default defineFlagCheck({
  id: 'scheduler-bind-address',
  title: t(
    '调度器仅监听本地回环地址（--bind-address=127.0.0.1）',
    'Scheduler binds to 127.0.0.1 (--bind-address)',
  ),
  component: 'kube-scheduler',
  flag: 'bind-address',
  expected: '127.0.0.1',
  test: loopbackBindTest('bind-address'),
  remediation: t(
    '在 kube-scheduler 启动参数中设置 --bind-address=127.0.0.1。',
    'Set --bind-address=127.0.0.1 in the kube-scheduler arguments.',
  ),
  examples: [
    { name: '127.0.0.1', expect: 'pass', facts: () => run(['--bind-address=127.0.0.1']) },
    { name: 'absent: defaults to 0.0.0.0', expect: 'fail', facts: () => run(['--leader-elect=true']) },
  ],
});
