// Check: the kubelet refuses to run with kernel settings that differ from its defaults (protectKernelDefaults true).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-protect-kernel-defaults',
  title: t(
    'kubelet 保护内核默认参数（protectKernelDefaults 为 true）',
    'Kubelet protectKernelDefaults is true',
  ),
  expected: 'protectKernelDefaults true',
  settings: ['protectKernelDefaults'],
  test: (v) => v.protectKernelDefaults === true,
  remediation: t(
    '按 kubelet 要求调整节点 sysctl 后，在 kubelet 配置文件中设置 protectKernelDefaults: true，然后重启 kubelet。',
    'Tune the node sysctls the kubelet expects, then set protectKernelDefaults: true in the kubelet config file and restart the kubelet.',
  ),
  examples: [
    {
      name: 'true in configz (AKS)',
      expect: 'pass',
      facts: () => kubeletExample({ configz: { protectKernelDefaults: true } }),
    },
    { name: 'absent: default false', expect: 'fail', facts: () => kubeletExample({ configFile: {} }) },
    {
      name: 'bare flag',
      expect: 'pass',
      facts: () => kubeletExample({ args: ['--protect-kernel-defaults'] }),
    },
  ],
});
