// Check: the kubelet's rotateCertificates is not set to false (absent passes, as the CIS 4.2.10 audit and Q/KXY Annex A 5.6.2.2 say).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-rotate-certificates',
  title: t(
    'kubelet 未将客户端证书轮换设为 false（rotateCertificates）',
    'Kubelet client certificate rotation is not set to false (rotateCertificates)',
  ),
  expected: 'rotateCertificates not false (absent or true)',
  settings: ['rotateCertificates'],
  test: (v, _gate, source) => {
    if (v.rotateCertificates === true) return true;
    // Neither the flag nor the config file names it: both audits accept an absent setting.
    if (source.rotateCertificates === 'default') return true;
    // configz leaves false out (omitempty), so absent and an explicit false look alike there: a person
    // must read the config file.
    if (source.rotateCertificates === 'configz') return undefined;
    return false;
  },
  remediation: t(
    '删除 kubelet 配置文件中的 rotateCertificates: false（或设为 true），并删除 --rotate-certificates=false，然后重启 kubelet。',
    'Remove rotateCertificates: false from the kubelet config file (or set it to true), drop --rotate-certificates=false, and restart the kubelet.',
  ),
  examples: [
    {
      name: 'true in the config file (kubeadm)',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: { rotateCertificates: true } }),
    },
    { name: 'bare flag', expect: 'pass', facts: () => kubeletExample({ args: ['--rotate-certificates'] }) },
    {
      name: 'absent from flags and config file: the audits accept it',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: {} }),
    },
    {
      name: 'false in the config file',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: { rotateCertificates: false } }),
    },
    {
      name: 'false by flag over the file',
      expect: 'fail',
      facts: () =>
        kubeletExample({ configFile: { rotateCertificates: true }, args: ['--rotate-certificates=false'] }),
    },
    {
      name: 'configz without the field: absent or false cannot be told apart',
      expect: 'manual',
      facts: () => kubeletExample({ configz: {} }),
    },
  ],
});
