// Check: etcd requires client certificates (--client-cert-auth=true; default false).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagBool, hasFlag } from '../lib/flags.js';

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
  test: (flags) => {
    const value = flagBool(flags, 'client-cert-auth', false);
    return {
      ok: value === true,
      observed: hasFlag(flags, 'client-cert-auth') ? String(value) : 'not set (defaults to false)',
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
    '在 etcd 启动参数中设置 --client-cert-auth=true。',
    'Set --client-cert-auth=true in the etcd arguments.',
  ),
  examples: [
    { name: 'true', expect: 'pass', facts: () => run(['--client-cert-auth=true']) },
    { name: 'absent: defaults to false', expect: 'fail', facts: () => run([]) },
    { name: 'false', expect: 'fail', facts: () => run(['--client-cert-auth=false']) },
  ],
});
