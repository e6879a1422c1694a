// Check: etcd does not use self-signed certificates for clients (--auto-tls is not true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { ETCD_CONFIG_FILE_IGNORES_FLAGS } from './config-file.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('etcd', args);

export default defineFlagCheck({
  id: 'etcd-auto-tls',
  title: t(
    'etcd 不为客户端连接使用自签名证书（--auto-tls 不为 true）',
    'etcd does not use auto-generated client TLS certificates (--auto-tls not true)',
  ),
  component: 'etcd',
  flag: 'auto-tls',
  expected: 'false',
  test: booleanFlagTest('auto-tls', false, false),
  ignoredWhen: ETCD_CONFIG_FILE_IGNORES_FLAGS,
  remediation: t(
    '从 etcd 启动参数中删除 --auto-tls 或设为 false。',
    'Remove --auto-tls from the etcd arguments or set it to false.',
  ),
  examples: [
    { name: 'absent: defaults to false', expect: 'pass', facts: () => run([]) },
    { name: 'true', expect: 'fail', facts: () => run(['--auto-tls=true']) },
    { name: 'bare flag', expect: 'fail', facts: () => run(['--auto-tls']) },
  ],
});
