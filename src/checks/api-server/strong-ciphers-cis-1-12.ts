// Check (CIS v1.12.0 1.2.29): kube-apiserver --tls-cipher-suites is set and lists only the suites v1.12.0's audit allows (no ECDHE CBC).
import { t } from '../../model/text.js';
import { defineCipherFlagCheck } from '../lib/cipher-check.js';
import { CIS_1_12_APISERVER } from '../lib/cipher-suites.js';
import { componentExample } from '../lib/example-facts.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineCipherFlagCheck({
  id: 'apiserver-strong-ciphers-cis-1-12',
  title: t(
    'API 服务器仅使用强加密套件（CIS v1.12.0 列表）',
    'API server uses only strong cryptographic ciphers (CIS v1.12.0 list)',
  ),
  component: 'kube-apiserver',
  flag: 'tls-cipher-suites',
  policy: CIS_1_12_APISERVER,
  remediation: t(
    '在 kube-apiserver 中设置 --tls-cipher-suites，只列出 CIS v1.12.0 1.2.29 给出的套件（TLS 1.3、ECDHE 配合 AES-GCM 或 ChaCha20）。',
    'Set --tls-cipher-suites on kube-apiserver to suites CIS v1.12.0 1.2.29 lists only (TLS 1.3; ECDHE with AES-GCM or ChaCha20).',
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
      name: 'an ECDHE CBC suite: dropped in v1.12.0',
      expect: 'fail',
      facts: () => run(['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA']),
    },
    { name: 'absent: Go defaults', expect: 'fail', facts: () => run([]) },
  ],
});
