// Check (Q/KXY 5.1.6.2): kube-apiserver --tls-cipher-suites is set and lists only HIGH-strength suites.
import { t } from '../../model/text.js';
import { defineCipherFlagCheck } from '../lib/cipher-check.js';
import { QKXY_HIGH } from '../lib/cipher-suites.js';
import { componentExample } from '../lib/example-facts.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineCipherFlagCheck({
  id: 'apiserver-high-ciphers',
  title: t('API 服务器仅使用 HIGH 强度加密套件', 'API server uses only HIGH-strength cipher suites'),
  component: 'kube-apiserver',
  flag: 'tls-cipher-suites',
  policy: QKXY_HIGH,
  remediation: t(
    '在 kube-apiserver 中设置 --tls-cipher-suites，TLS 1.2 只选 HIGH 强度套件（AES、ChaCha20），TLS 1.3 套件按 RFC 8446。',
    'Set --tls-cipher-suites on kube-apiserver: for TLS 1.2 HIGH-strength suites only (AES, ChaCha20); TLS 1.3 suites per RFC 8446.',
  ),
  examples: [
    {
      name: 'ECDHE GCM suites',
      expect: 'pass',
      facts: () =>
        run([
          '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
        ]),
    },
    {
      name: 'RSA key exchange with AES-GCM is still HIGH',
      expect: 'pass',
      facts: () => run(['--tls-cipher-suites=TLS_RSA_WITH_AES_128_GCM_SHA256']),
    },
    {
      name: 'a 3DES suite',
      expect: 'fail',
      facts: () =>
        run([
          '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
        ]),
    },
    {
      name: 'absent: Go defaults, which the facts cannot show are HIGH',
      expect: 'fail',
      facts: () => run([]),
    },
  ],
});
