// Check: etcd does not use self-signed peer certificates (--peer-auto-tls is not true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagBool, hasFlag } from '../lib/flags.js';

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
  test: (flags) => {
    const value = flagBool(flags, 'peer-auto-tls', false);
    return {
      ok: value === false,
      observed: hasFlag(flags, 'peer-auto-tls') ? String(value) : 'not set (defaults to false)',
    };
  },
  ignoredWhen: {
    flag: 'config-file',
    reason: t(
      'etcd 使用 --config-file 时会忽略其他命令行参数，需要人工核查该配置文件',
      'With --config-file, etcd ignores its other command-line flags: a person must review that file',
    ),
  },
  remediation: t(
    '从 etcd 启动参数中删除 --peer-auto-tls 或设为 false。',
    'Remove --peer-auto-tls from the etcd arguments or set it to false.',
  ),
  examples: [
    { name: 'absent: defaults to false', expect: 'pass', facts: () => run([]) },
    { name: 'true', expect: 'fail', facts: () => run(['--peer-auto-tls=true']) },
  ],
});
