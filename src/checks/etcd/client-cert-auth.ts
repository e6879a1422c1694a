// Check: etcd requires client certificates (--client-cert-auth=true; default false).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { ETCD_CONFIG_FILE_IGNORES_FLAGS } from './config-file.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('etcd', args);

export default defineFlagCheck({
  id: 'etcd-client-cert-auth',
  title: t(
    'etcd 要求客户端证书认证（--client-cert-auth=true）',
    'etcd requires client certificate authentication (--client-cert-auth=true)',
  ),
  component: 'etcd',
  flag: 'client-cert-auth',
  expected: 'true',
  test: booleanFlagTest('client-cert-auth', false, true),
  ignoredWhen: ETCD_CONFIG_FILE_IGNORES_FLAGS,
  remediation: t(
    '在 etcd 启动参数中设置 --client-cert-auth=true。',
    'Set --client-cert-auth=true in the etcd arguments.',
  ),
  examples: [
    { name: 'true', expect: 'pass', facts: () => run(['--client-cert-auth=true']) },
    { name: 'absent: defaults to false', expect: 'fail', facts: () => run([]) },
    { name: 'false', expect: 'fail', facts: () => run(['--client-cert-auth=false']) },
  ],
});
