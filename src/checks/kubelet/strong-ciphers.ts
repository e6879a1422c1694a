// Check (CIS v1.11.1 4.2.12): the kubelet's tlsCipherSuites is set and lists only the suites that version's audit allows.
import { t } from '../../model/text.js';
import { defineKubeletCipherCheck } from '../lib/cipher-check.js';
import { CIS_1_11_KUBELET } from '../lib/cipher-suites.js';
import { kubeletExample } from '../lib/example-facts.js';

export default defineKubeletCipherCheck({
  id: 'kubelet-strong-ciphers',
  title: t(
    'kubelet 仅使用强加密套件（CIS v1.11.1 列表）',
    'Kubelet uses only strong cryptographic ciphers (CIS v1.11.1 list)',
  ),
  policy: CIS_1_11_KUBELET,
  remediation: t(
    '在 kubelet 配置文件中设置 tlsCipherSuites，只列出 CIS v1.11.1 4.2.12 给出的套件，然后重启 kubelet。',
    'Set tlsCipherSuites in the kubelet config file to suites CIS v1.11.1 4.2.12 lists only, and restart the kubelet.',
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
      name: 'RSA key exchange GCM: on the v1.11.1 list',
      expect: 'pass',
      facts: () => kubeletExample({ args: ['--tls-cipher-suites=TLS_RSA_WITH_AES_128_GCM_SHA256'] }),
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
