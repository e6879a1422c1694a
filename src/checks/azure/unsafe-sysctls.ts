// Check (AKS): no unsafe sysctls are allowed: from the kubelets' configz when collected, else each pool's kubeletConfig.allowedUnsafeSysctls.
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineKubeletOrPoolsCheck } from '../lib/kubelet-or-pools.js';
import kubeletAllowedUnsafeSysctls from '../kubelet/allowed-unsafe-sysctls.js';

const cluster = (...pools: JsonObject[]) =>
  exampleFacts({ managedCluster: { name: 'c', kubernetesVersion: '1.33.2', agentPoolProfiles: pools } });

export default defineKubeletOrPoolsCheck({
  id: 'aks-unsafe-sysctls',
  title: t(
    '不允许不安全的 sysctl（configz，或代理池的 allowedUnsafeSysctls）',
    'No unsafe sysctls are allowed (configz, or the agent pools allowedUnsafeSysctls)',
  ),
  remediation: t(
    '从节点池的自定义节点配置中删除 kubeletConfig.allowedUnsafeSysctls（需要时以新节点池替换）。',
    'Remove kubeletConfig.allowedUnsafeSysctls from the node pools custom node configuration (replace the pool if needed).',
  ),
  nodeCheck: kubeletAllowedUnsafeSysctls,
  poolField: 'allowedUnsafeSysctls',
  expected: 'absent or empty',
  // Without custom node configuration the kubelet allows no unsafe sysctls.
  judge: (value) =>
    value === undefined || value === null ? true : Array.isArray(value) ? value.length === 0 : false,
  passReason: t('没有节点池允许不安全的 sysctl', 'No node pool allows unsafe sysctls'),
  failReason: t('允许不安全的 sysctl', 'Unsafe sysctls are allowed'),
  examples: [
    { name: 'no custom configuration', expect: 'pass', facts: () => cluster({ name: 'system' }) },
    {
      name: 'a pool allows net.*',
      expect: 'fail',
      facts: () => cluster({ name: 'apps', kubeletConfig: { allowedUnsafeSysctls: ['net.*'] } }),
    },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
