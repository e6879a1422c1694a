// Check (AKS): the cluster upgrades Kubernetes automatically (autoUpgradeProfile.upgradeChannel other than none).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const CHANNELS = new Set(['patch', 'stable', 'rapid', 'node-image']);
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
  fields: [{ path: 'autoUpgradeProfile.upgradeChannel', expected: 'patch, stable, rapid or node-image' }],
  ok: ([channel]) => typeof channel === 'string' && CHANNELS.has(channel.toLowerCase()),
  passReason: t('已设置自动升级通道', 'An auto-upgrade channel is set'),
  failReason: t(
    '未设置自动升级通道（none 或缺失）：Kubernetes 升级完全依赖人工',
    'No auto-upgrade channel is set (none or absent): Kubernetes upgrades rely on people alone',
  ),
  examples: [
    { name: 'patch', expect: 'pass', facts: () => cluster('patch') },
    { name: 'none', expect: 'fail', facts: () => cluster('none') },
    { name: 'absent', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
