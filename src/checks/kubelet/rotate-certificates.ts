// Check: the kubelet rotates its client certificate (rotateCertificates is not false; it defaults to false).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-rotate-certificates',
  title: t(
    'kubelet 启用客户端证书轮换（rotateCertificates）',
    'Kubelet client certificate rotation is enabled (rotateCertificates)',
  ),
  expected: 'rotateCertificates true',
  settings: ['rotateCertificates'],
  test: (v) => v.rotateCertificates === true,
  remediation: t(
    '在 kubelet 配置文件中设置 rotateCertificates: true（或 --rotate-certificates），然后重启 kubelet。',
    'Set rotateCertificates: true in the kubelet config file (or --rotate-certificates) and restart the kubelet.',
  ),
  examples: [
    {
      name: 'true in the config file (kubeadm)',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: { rotateCertificates: true } }),
    },
    { name: 'bare flag', expect: 'pass', facts: () => kubeletExample({ args: ['--rotate-certificates'] }) },
    {
      name: 'absent: KubeletConfiguration default false',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: {} }),
    },
    {
      name: 'false by flag over the file',
      expect: 'fail',
      facts: () =>
        kubeletExample({ configFile: { rotateCertificates: true }, args: ['--rotate-certificates=false'] }),
    },
  ],
});
