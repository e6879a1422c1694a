// Check (AKS): pods have a process limit: from the kubelets' configz when collected, else each pool's kubeletConfig.podMaxPids.
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineKubeletOrPoolsCheck } from '../lib/kubelet-or-pools.js';
import kubeletPodPidsLimit from '../kubelet/pod-pids-limit.js';

const cluster = (...pools: JsonObject[]) =>
  exampleFacts({ managedCluster: { name: 'c', kubernetesVersion: '1.33.2', agentPoolProfiles: pools } });

export default defineKubeletOrPoolsCheck({
  id: 'aks-pod-pids-limit',
  title: t(
    '每个 Pod 的进程数受限（configz，或代理池的 podMaxPids）',
    'Pods have a process limit (configz, or the agent pools podMaxPids)',
  ),
  remediation: t(
    '用自定义节点配置（--kubelet-config，kubeletConfig.podMaxPids）为每个节点池设置正数的 Pod 进程上限。',
    'Set a positive per-pod process limit on every node pool through custom node configuration (--kubelet-config, kubeletConfig.podMaxPids).',
  ),
  nodeCheck: kubeletPodPidsLimit,
  poolField: 'podMaxPids',
  expected: '> 0',
  judge: (value) => (typeof value === 'number' ? value > 0 : undefined),
  passReason: t('所有节点池都设置了 Pod 进程上限', 'Every node pool sets a pod process limit'),
  failReason: t('Pod 进程数不受限', 'Pod processes are unlimited'),
  examples: [
    {
      name: 'configz decides when present',
      expect: 'fail',
      facts: () => {
        const facts = cluster({ name: 'system', kubeletConfig: { podMaxPids: 4096 } });
        facts.kubernetes.configz.set('aks-system-0', { podPidsLimit: -1 });
        return facts;
      },
    },
    {
      name: 'every pool 4096',
      expect: 'pass',
      facts: () => cluster({ name: 'system', kubeletConfig: { podMaxPids: 4096 } }),
    },
    {
      name: 'a pool set to -1',
      expect: 'fail',
      facts: () => cluster({ name: 'system', kubeletConfig: { podMaxPids: -1 } }),
    },
    { name: 'no kubeletConfig and no configz', expect: 'manual', facts: () => cluster({ name: 'system' }) },
  ],
});
