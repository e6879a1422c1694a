// Check: kube-apiserver verifies kubelet serving certificates (--kubelet-certificate-authority is set).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-kubelet-certificate-authority',
  title: t(
    'API 服务器校验 kubelet 的服务证书（--kubelet-certificate-authority）',
    'API server verifies kubelet serving certificates (--kubelet-certificate-authority)',
  ),
  component: 'kube-apiserver',
  flag: 'kubelet-certificate-authority',
  expected: 'set to a CA file',
  test: (flags) => {
    const value = flagValue(flags, 'kubelet-certificate-authority');
    return { ok: value !== undefined && value !== '', observed: value ?? 'not set' };
  },
  remediation: t(
    '让 kubelet 使用由集群 CA 签发的服务证书（如 serverTLSBootstrap），并在 kube-apiserver 中设置 --kubelet-certificate-authority 指向该 CA。',
    'Give kubelets serving certificates signed by a cluster CA (for example with serverTLSBootstrap) and set --kubelet-certificate-authority of kube-apiserver to that CA.',
  ),
  examples: [
    {
      name: 'set',
      expect: 'pass',
      facts: () => run(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']),
    },
    {
      name: 'absent (kubeadm default)',
      expect: 'fail',
      facts: () => run(['--kubelet-client-certificate=/a.crt']),
    },
  ],
});
