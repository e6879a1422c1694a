// Check (AKS): the cluster upgrades Kubernetes automatically (upgradeChannel patch, stable or rapid; node-image moves only node images).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

// node-image keeps node images current but never changes the Kubernetes version: it does not count here.
const CHANNELS = new Set(['patch', 'stable', 'rapid']);
const cluster = (upgradeChannel: string | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.33.2',
      ...(upgradeChannel ? { autoUpgradeProfile: { upgradeChannel } } : {}),
    },
  });

export default defineArmCheck({
  id: 'aks-auto-upgrade-channel',
  title: t('已设置群集自动升级通道', 'A cluster auto-upgrade channel is set'),
  remediation: t(
    '执行 az aks update --auto-upgrade-channel patch（或 stable），并配置计划维护时段，使群集及时获得 Kubernetes 安全修补。',
    'Run az aks update --auto-upgrade-channel patch (or stable) and set a planned maintenance window so the cluster gets Kubernetes security fixes in time.',
  ),
  fields: [{ path: 'autoUpgradeProfile.upgradeChannel', expected: 'patch, stable or rapid' }],
  ok: ([channel]) => typeof channel === 'string' && CHANNELS.has(channel.toLowerCase()),
  passReason: t('已设置自动升级通道', 'An auto-upgrade channel is set'),
  failReason: t(
    '未设置升级 Kubernetes 的自动升级通道（none、node-image 或缺失；node-image 只更新节点映像）：Kubernetes 升级完全依赖人工',
    'No auto-upgrade channel that upgrades Kubernetes is set (none, node-image or absent; node-image only updates node images): Kubernetes upgrades rely on people alone',
  ),
  examples: [
    { name: 'patch', expect: 'pass', facts: () => cluster('patch') },
    { name: 'none', expect: 'fail', facts: () => cluster('none') },
    { name: 'node-image only (no Kubernetes upgrades)', expect: 'fail', facts: () => cluster('node-image') },
    { name: 'absent', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
