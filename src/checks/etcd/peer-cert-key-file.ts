// Check: etcd peers talk over TLS (--peer-cert-file and --peer-key-file).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { ETCD_CONFIG_FILE_IGNORES_FLAGS } from './config-file.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('etcd', args);

export default defineFlagCheck({
  id: 'etcd-peer-cert-key-file',
  title: t(
    'etcd 为对等连接配置 TLS 证书与私钥（--peer-cert-file 与 --peer-key-file）',
    'etcd sets --peer-cert-file and --peer-key-file for peer TLS',
  ),
  component: 'etcd',
  flag: ['peer-cert-file', 'peer-key-file'],
  expected: 'both set',
  test: (flags) => {
    const a = flagValue(flags, 'peer-cert-file');
    const b = flagValue(flags, 'peer-key-file');
    return {
      ok: Boolean(a) && Boolean(b),
      observed: { 'peer-cert-file': a ?? null, 'peer-key-file': b ?? null },
    };
  },
  ignoredWhen: ETCD_CONFIG_FILE_IGNORES_FLAGS,
  remediation: t(
    '为 etcd 成员签发对等证书，并设置 --peer-cert-file 与 --peer-key-file（仅单成员 etcd 时可不适用）。',
    'Issue etcd members peer certificates and set --peer-cert-file and --peer-key-file (a single-member etcd may not need them).',
  ),
  examples: [
    {
      name: 'both set',
      expect: 'pass',
      facts: () =>
        run([
          '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
          '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
        ]),
    },
    {
      name: 'key only',
      expect: 'fail',
      facts: () => run(['--peer-key-file=/etc/kubernetes/pki/etcd/peer.key']),
    },
  ],
});
