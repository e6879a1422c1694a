// Check: kube-apiserver serves TLS with a configured certificate and key.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-tls-cert-key',
  title: t(
    'API 服务器配置 TLS 证书与私钥（--tls-cert-file 与 --tls-private-key-file）',
    'API server sets --tls-cert-file and --tls-private-key-file',
  ),
  component: 'kube-apiserver',
  flag: ['tls-cert-file', 'tls-private-key-file'],
  expected: 'both set',
  test: (flags) => {
    const a = flagValue(flags, 'tls-cert-file');
    const b = flagValue(flags, 'tls-private-key-file');
    return {
      ok: Boolean(a) && Boolean(b),
      observed: { 'tls-cert-file': a ?? null, 'tls-private-key-file': b ?? null },
    };
  },
  remediation: t(
    '为 API 服务器签发服务证书，并设置 --tls-cert-file 与 --tls-private-key-file。',
    'Issue the API server a serving certificate and set --tls-cert-file and --tls-private-key-file.',
  ),
  examples: [
    {
      name: 'both set',
      expect: 'pass',
      facts: () =>
        run([
          '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
          '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
        ]),
    },
    {
      name: 'certificate only',
      expect: 'fail',
      facts: () => run(['--tls-cert-file=/etc/kubernetes/pki/apiserver.crt']),
    },
  ],
});
