// Check: kube-apiserver authenticates to etcd with a client certificate and key.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-etcd-certfile-keyfile',
  title: t(
    'API 服务器以客户端证书访问 etcd（--etcd-certfile 与 --etcd-keyfile）',
    'API server uses a client certificate for etcd (--etcd-certfile and --etcd-keyfile)',
  ),
  component: 'kube-apiserver',
  flag: ['etcd-certfile', 'etcd-keyfile'],
  expected: 'both set',
  test: (flags) => {
    const a = flagValue(flags, 'etcd-certfile');
    const b = flagValue(flags, 'etcd-keyfile');
    return {
      ok: Boolean(a) && Boolean(b),
      observed: { 'etcd-certfile': a ?? null, 'etcd-keyfile': b ?? null },
    };
  },
  remediation: t(
    '为 API 服务器签发 etcd 客户端证书，并设置 --etcd-certfile 与 --etcd-keyfile。',
    'Issue the API server an etcd client certificate and set --etcd-certfile and --etcd-keyfile.',
  ),
  examples: [
    {
      name: 'both set',
      expect: 'pass',
      facts: () =>
        run([
          '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
          '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
        ]),
    },
    { name: 'neither', expect: 'fail', facts: () => run(['--etcd-servers=http://127.0.0.1:2379']) },
  ],
});
