// Check (Q/KXY 5.6.4.1): the kubelet's tlsCipherSuites is set and lists only HIGH-strength suites.
import { t } from '../../model/text.js';
import { defineKubeletCipherCheck } from '../lib/cipher-check.js';
import { QKXY_HIGH } from '../lib/cipher-suites.js';
import { kubeletExample } from '../lib/example-facts.js';

export default defineKubeletCipherCheck({
  id: 'kubelet-high-ciphers',
  title: t('kubelet 仅使用 HIGH 强度加密套件', 'Kubelet uses only HIGH-strength cipher suites'),
  policy: QKXY_HIGH,
  remediation: t(
    '在 kubelet 配置文件中设置 tlsCipherSuites，TLS 1.2 只选 HIGH 强度套件（AES、ChaCha20），TLS 1.3 套件按 RFC 8446，然后重启 kubelet。',
    'Set tlsCipherSuites in the kubelet config file: for TLS 1.2 HIGH-strength suites only (AES, ChaCha20), TLS 1.3 per RFC 8446; restart the kubelet.',
  ),
  examples: [
    {
      name: 'strong suites in configz',
      expect: 'pass',
      facts: () =>
        kubeletExample({
          configz: {
            tlsCipherSuites: [
              'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
              'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
            ],
          },
        }),
    },
    {
      name: 'RSA key exchange AES-CBC is HIGH',
      expect: 'pass',
      facts: () => kubeletExample({ args: ['--tls-cipher-suites=TLS_RSA_WITH_AES_256_CBC_SHA'] }),
    },
    {
      name: 'an RC4 suite',
      expect: 'fail',
      facts: () => kubeletExample({ args: ['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_RC4_128_SHA'] }),
    },
    { name: 'absent: Go defaults', expect: 'fail', facts: () => kubeletExample({ configFile: {} }) },
  ],
});
