// Check: etcd restricts TLS to strong cipher suites when --cipher-suites is given.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { ETCD_CONFIG_FILE_IGNORES_FLAGS } from './config-file.js';
import { flagList, weakCipherSuites } from '../lib/flags.js';

const run = (args: string[]) => componentExample('etcd', args);

export default defineFlagCheck({
  id: 'etcd-strong-ciphers',
  title: t(
    'etcd 仅使用强加密套件（--cipher-suites）',
    'etcd uses only strong cryptographic ciphers (--cipher-suites)',
  ),
  component: 'etcd',
  flag: 'cipher-suites',
  expected: 'absent, or strong suites only',
  test: (flags) => {
    const suites = flagList(flags, 'cipher-suites');
    if (suites.length === 0) return { ok: true, observed: 'not set (Go defaults)' };
    const weak = weakCipherSuites(suites);
    return {
      ok: weak.length === 0,
      observed: weak.length === 0 ? suites.join(',') : `weak: ${weak.join(',')}`,
    };
  },
  ignoredWhen: ETCD_CONFIG_FILE_IGNORES_FLAGS,
  remediation: t(
    '在 etcd 中设置 --cipher-suites，仅列出 ECDHE 配合 AES-GCM 或 ChaCha20-Poly1305 的套件。',
    'Set --cipher-suites on etcd to ECDHE suites with AES-GCM or ChaCha20-Poly1305 only.',
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
    { name: 'absent', expect: 'pass', facts: () => run([]) },
    {
      name: '3DES suite',
      expect: 'fail',
      facts: () =>
        run(['--cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA']),
    },
  ],
});
