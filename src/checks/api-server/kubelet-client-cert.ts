// Check: kube-apiserver authenticates to kubelets with a client certificate and key.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-kubelet-client-cert',
  title: t(
    'API 服务器以客户端证书访问 kubelet（--kubelet-client-certificate 与 --kubelet-client-key）',
    'API server uses a client certificate to reach kubelets (--kubelet-client-certificate and --kubelet-client-key)',
  ),
  component: 'kube-apiserver',
  flag: ['kubelet-client-certificate', 'kubelet-client-key'],
  expected: 'both set',
  test: (flags) => {
    const a = flagValue(flags, 'kubelet-client-certificate');
    const b = flagValue(flags, 'kubelet-client-key');
    return {
      ok: Boolean(a) && Boolean(b),
      observed: { 'kubelet-client-certificate': a ?? null, 'kubelet-client-key': b ?? null },
    };
  },
  remediation: t(
    '为 API 服务器签发访问 kubelet 的客户端证书，并在 kube-apiserver 中设置 --kubelet-client-certificate 与 --kubelet-client-key。',
    'Issue the API server a client certificate for kubelets and set --kubelet-client-certificate and --kubelet-client-key on kube-apiserver.',
  ),
  examples: [
    {
      name: 'both set',
      expect: 'pass',
      facts: () =>
        run([
          '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
          '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
        ]),
    },
    {
      name: 'key missing',
      expect: 'fail',
      facts: () => run(['--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt']),
    },
    { name: 'neither', expect: 'fail', facts: () => run([]) },
  ],
});
