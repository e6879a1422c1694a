// Check: the kubelet lets pods set no unsafe sysctls (allowedUnsafeSysctls / --allowed-unsafe-sysctls empty).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-allowed-unsafe-sysctls',
  title: t(
    'kubelet 不允许 Pod 使用不安全的 sysctl',
    'Kubelet allows no unsafe sysctls (allowedUnsafeSysctls empty)',
  ),
  expected: 'allowedUnsafeSysctls empty',
  settings: ['allowedUnsafeSysctls'],
  test: (v) => Array.isArray(v.allowedUnsafeSysctls) && v.allowedUnsafeSysctls.length === 0,
  remediation: t(
    '从 kubelet 配置中删除 allowedUnsafeSysctls（或 --allowed-unsafe-sysctls）；确需时仅在专用节点上开放具体的 sysctl，并以准入策略限制使用者。',
    'Remove allowedUnsafeSysctls (or --allowed-unsafe-sysctls) from the kubelet configuration; where one is truly needed, allow that exact sysctl on dedicated nodes only and restrict who may use it with admission policy.',
  ),
  examples: [
    { name: 'absent: none allowed', expect: 'pass', facts: () => kubeletExample({ configFile: {} }) },
    {
      name: 'configz omits the empty list',
      expect: 'pass',
      facts: () => kubeletExample({ configz: { readOnlyPort: 0 } }),
    },
    {
      name: 'a wildcard in the config file',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: { allowedUnsafeSysctls: ['net.core.*'] } }),
    },
    {
      name: 'by flag',
      expect: 'fail',
      facts: () => kubeletExample({ args: ['--allowed-unsafe-sysctls=kernel.msg*'] }),
    },
  ],
});
