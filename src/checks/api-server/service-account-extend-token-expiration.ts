// Check: kube-apiserver does not extend projected token lifetimes (--service-account-extend-token-expiration=false; default true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-service-account-extend-token-expiration',
  title: t(
    'API 服务器不延长服务账户令牌有效期（--service-account-extend-token-expiration=false）',
    'API server does not extend service account token expiration (--service-account-extend-token-expiration=false)',
  ),
  component: 'kube-apiserver',
  flag: 'service-account-extend-token-expiration',
  expected: 'false',
  test: booleanFlagTest('service-account-extend-token-expiration', true, false),
  remediation: t(
    '确认工作负载已能处理令牌轮换后，在 kube-apiserver 中设置 --service-account-extend-token-expiration=false。',
    'Once workloads handle token refresh, set --service-account-extend-token-expiration=false on kube-apiserver.',
  ),
  examples: [
    { name: 'false', expect: 'pass', facts: () => run(['--service-account-extend-token-expiration=false']) },
    { name: 'absent: defaults to true', expect: 'fail', facts: () => run([]) },
  ],
});
