// Check: kube-controller-manager runs each controller with its own service account (--use-service-account-credentials=true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('kube-controller-manager', args);

export default defineFlagCheck({
  id: 'controller-manager-use-service-account-credentials',
  title: t(
    '控制器管理器为各控制器使用独立服务账户（--use-service-account-credentials=true）',
    'Controller manager uses individual service account credentials (--use-service-account-credentials=true)',
  ),
  component: 'kube-controller-manager',
  flag: 'use-service-account-credentials',
  expected: 'true',
  test: booleanFlagTest('use-service-account-credentials', false, true),
  remediation: t(
    '在 kube-controller-manager 启动参数中设置 --use-service-account-credentials=true。',
    'Set --use-service-account-credentials=true in the kube-controller-manager arguments.',
  ),
  examples: [
    { name: 'true', expect: 'pass', facts: () => run(['--use-service-account-credentials=true']) },
    { name: 'bare flag', expect: 'pass', facts: () => run(['--use-service-account-credentials']) },
    { name: 'absent: defaults to false', expect: 'fail', facts: () => run([]) },
  ],
});
