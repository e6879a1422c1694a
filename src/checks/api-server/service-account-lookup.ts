// Check: kube-apiserver checks that service account tokens still exist (--service-account-lookup, default true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-service-account-lookup',
  title: t(
    'API 服务器校验服务账户令牌仍然存在（--service-account-lookup=true）',
    'API server validates that service account tokens exist (--service-account-lookup=true)',
  ),
  component: 'kube-apiserver',
  flag: 'service-account-lookup',
  expected: 'true',
  test: booleanFlagTest('service-account-lookup', true, true),
  remediation: t(
    '删除 kube-apiserver 的 --service-account-lookup=false，或将其设为 true。',
    'Remove --service-account-lookup=false from kube-apiserver, or set it to true.',
  ),
  examples: [
    { name: 'absent: defaults to true', expect: 'pass', facts: () => run([]) },
    { name: 'true', expect: 'pass', facts: () => run(['--service-account-lookup=true']) },
    { name: 'false', expect: 'fail', facts: () => run(['--service-account-lookup=false']) },
  ],
});
