// Check: etcd does not use self-signed peer certificates (--peer-auto-tls is not true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { ETCD_CONFIG_FILE_IGNORES_FLAGS } from './config-file.js';
import { booleanFlagTest } from '../lib/flag-tests.js';

const run = (args: string[]) => componentExample('etcd', args);

export default defineFlagCheck({
  id: 'etcd-peer-auto-tls',
  title: t(
    'etcd 不为对等连接使用自签名证书（--peer-auto-tls 不为 true）',
    'etcd does not use auto-generated peer TLS certificates (--peer-auto-tls not true)',
  ),
  component: 'etcd',
  flag: 'peer-auto-tls',
  expected: 'false',
  test: booleanFlagTest('peer-auto-tls', false, false),
  ignoredWhen: ETCD_CONFIG_FILE_IGNORES_FLAGS,
  remediation: t(
    '从 etcd 启动参数中删除 --peer-auto-tls 或设为 false。',
    'Remove --peer-auto-tls from the etcd arguments or set it to false.',
  ),
  examples: [
    { name: 'absent: defaults to false', expect: 'pass', facts: () => run([]) },
    { name: 'true', expect: 'fail', facts: () => run(['--peer-auto-tls=true']) },
  ],
});
