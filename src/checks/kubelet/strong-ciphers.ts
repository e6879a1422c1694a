// Check: the kubelet restricts TLS to strong cipher suites (tlsCipherSuites).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { weakCipherSuites } from '../lib/flags.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-strong-ciphers',
  title: t(
    'kubelet 仅使用强加密套件（tlsCipherSuites）',
    'Kubelet uses only strong cryptographic ciphers (tlsCipherSuites)',
  ),
  expected: 'tlsCipherSuites set, strong suites only',
  settings: ['tlsCipherSuites'],
  test: (v) => {
    const suites = Array.isArray(v.tlsCipherSuites)
      ? v.tlsCipherSuites.filter((s): s is string => typeof s === 'string')
      : [];
    return suites.length > 0 && weakCipherSuites(suites).length === 0;
  },
  remediation: t(
    '在 kubelet 配置文件中设置 tlsCipherSuites，仅列出 ECDHE 配合 AES-GCM 或 ChaCha20-Poly1305 的套件，然后重启 kubelet。',
    'Set tlsCipherSuites in the kubelet config file to ECDHE suites with AES-GCM or ChaCha20-Poly1305 only, and restart the kubelet.',
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
    { name: 'absent: Go defaults', expect: 'fail', facts: () => kubeletExample({ configFile: {} }) },
    {
      name: 'a CBC suite by flag',
      expect: 'fail',
      facts: () =>
        kubeletExample({
          args: ['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA'],
        }),
    },
  ],
});
