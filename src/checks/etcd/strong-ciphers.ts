// Check (Q/KXY 5.4.3.1): etcd --cipher-suites is set and lists only HIGH-strength suites (absent fails, as for the API server).
import { t } from '../../model/text.js';
import { defineCipherFlagCheck } from '../lib/cipher-check.js';
import { QKXY_HIGH } from '../lib/cipher-suites.js';
import { componentExample } from '../lib/example-facts.js';
import { ETCD_CONFIG_FILE_IGNORES_FLAGS } from './config-file.js';

const run = (args: string[]) => componentExample('etcd', args);

export default defineCipherFlagCheck({
  id: 'etcd-strong-ciphers',
  title: t(
    'etcd 仅使用 HIGH 强度加密套件（--cipher-suites）',
    'etcd uses only HIGH-strength cipher suites (--cipher-suites)',
  ),
  component: 'etcd',
  flag: 'cipher-suites',
  policy: QKXY_HIGH,
  ignoredWhen: ETCD_CONFIG_FILE_IGNORES_FLAGS,
  remediation: t(
    '在 etcd 中设置 --cipher-suites，TLS 1.2 只选 HIGH 强度套件（AES、ChaCha20），TLS 1.3 套件按 RFC 8446。',
    'Set --cipher-suites on etcd: for TLS 1.2 HIGH-strength suites only (AES, ChaCha20); TLS 1.3 suites per RFC 8446.',
  ),
  examples: [
    {
      name: 'strong suites',
      expect: 'pass',
      facts: () =>
        run([
          '--cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
        ]),
    },
    { name: 'absent: Go defaults', expect: 'fail', facts: () => run([]) },
    {
      name: '3DES suite',
      expect: 'fail',
      facts: () =>
        run(['--cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA']),
    },
  ],
});
