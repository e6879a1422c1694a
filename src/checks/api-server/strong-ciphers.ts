// Check: kube-apiserver restricts TLS to strong cipher suites (--tls-cipher-suites).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagList, weakCipherSuites } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);
const strong =
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384';

export default defineFlagCheck({
  id: 'apiserver-strong-ciphers',
  title: t(
    'API 服务器仅使用强加密套件（--tls-cipher-suites）',
    'API server uses only strong cryptographic ciphers (--tls-cipher-suites)',
  ),
  component: 'kube-apiserver',
  flag: 'tls-cipher-suites',
  expected: 'set, only ECDHE with AES-GCM or ChaCha20, or TLS 1.3 suites',
  test: (flags) => {
    const suites = flagList(flags, 'tls-cipher-suites');
    // Absent, the Go defaults apply, which still offer CBC and RSA key exchange suites.
    if (suites.length === 0)
      return { ok: false, observed: 'not set (Go defaults, including CBC and RSA key exchange suites)' };
    const weak = weakCipherSuites(suites);
    return {
      ok: weak.length === 0,
      observed: weak.length === 0 ? suites.join(',') : `weak: ${weak.join(',')}`,
    };
  },
  remediation: t(
    '在 kube-apiserver 中设置 --tls-cipher-suites，仅列出 ECDHE 配合 AES-GCM 或 ChaCha20-Poly1305 的套件。',
    'Set --tls-cipher-suites on kube-apiserver to ECDHE suites with AES-GCM or ChaCha20-Poly1305 only.',
  ),
  examples: [
    { name: 'only strong suites', expect: 'pass', facts: () => run([`--tls-cipher-suites=${strong}`]) },
    { name: 'absent: Go defaults', expect: 'fail', facts: () => run([]) },
    {
      name: 'a CBC suite with RSA key exchange',
      expect: 'fail',
      facts: () => run([`--tls-cipher-suites=${strong},TLS_RSA_WITH_AES_128_CBC_SHA`]),
    },
  ],
});
