// Check: etcd serves clients over TLS (--cert-file and --key-file).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { ETCD_CONFIG_FILE_IGNORES_FLAGS } from './config-file.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('etcd', args);

export default defineFlagCheck({
  id: 'etcd-cert-key-file',
  title: t(
    'etcd 为客户端连接配置 TLS 证书与私钥（--cert-file 与 --key-file）',
    'etcd sets --cert-file and --key-file for client TLS',
  ),
  component: 'etcd',
  flag: ['cert-file', 'key-file'],
  expected: 'both set',
  test: (flags) => {
    const a = flagValue(flags, 'cert-file');
    const b = flagValue(flags, 'key-file');
    return { ok: Boolean(a) && Boolean(b), observed: { 'cert-file': a ?? null, 'key-file': b ?? null } };
  },
  ignoredWhen: ETCD_CONFIG_FILE_IGNORES_FLAGS,
  remediation: t(
    '为 etcd 签发服务证书，并设置 --cert-file 与 --key-file。',
    'Issue etcd a serving certificate and set --cert-file and --key-file.',
  ),
  examples: [
    {
      name: 'both set',
      expect: 'pass',
      facts: () =>
        run([
          '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
          '--key-file=/etc/kubernetes/pki/etcd/server.key',
        ]),
    },
    { name: 'absent', expect: 'fail', facts: () => run(['--listen-client-urls=http://127.0.0.1:2379']) },
    { name: 'config file in use', expect: 'manual', facts: () => run(['--config-file=/etc/etcd/etcd.yaml']) },
  ],
});
