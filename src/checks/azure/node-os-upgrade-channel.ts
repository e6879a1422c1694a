// Check (AKS): node images or OS security patches are applied automatically (autoUpgradeProfile.nodeOSUpgradeChannel).
import type { Check } from '../../model/check.js';
import { t } from '../../model/text.js';
import { armEvidence, armValue, noManagedCluster } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';
import { fail, manual, pass } from '../lib/outcome.js';

const PATCHING = new Set(['nodeimage', 'securitypatch']);
const FIELD = 'autoUpgradeProfile.nodeOsUpgradeChannel';
const cluster = (channel: string | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.33.2',
      autoUpgradeProfile: { upgradeChannel: 'patch', ...(channel ? { nodeOsUpgradeChannel: channel } : {}) },
    },
  });

const check: Check = {
  id: 'aks-node-os-upgrade-channel',
  title: t(
    '节点操作系统自动获得安全更新（节点 OS 升级通道）',
    'Node OS security updates are applied automatically (node OS upgrade channel)',
  ),
  component: 'azure',
  needs: ['azure:managedCluster'],
  remediation: t(
    '执行 az aks update --node-os-upgrade-channel NodeImage（或 SecurityPatch），并设置 aksManagedNodeOSUpgradeSchedule 维护时段。',
    'Run az aks update --node-os-upgrade-channel NodeImage (or SecurityPatch) and set an aksManagedNodeOSUpgradeSchedule maintenance window.',
  ),
  run({ facts }) {
    if (!facts.azure.managedCluster) return noManagedCluster();
    const evidence = [armEvidence(facts, FIELD, 'NodeImage or SecurityPatch')];
    const channel = armValue(facts, FIELD);
    // Payloads from API versions before the field existed do not say; the older default (Unmanaged) is not assumed.
    if (channel === undefined || channel === null)
      return manual(
        t(
          'ARM 数据中没有节点 OS 升级通道（旧 API 版本）：请核实节点映像的更新方式',
          'The ARM data has no node OS upgrade channel (an older API version): verify how node images are updated',
        ),
        evidence,
      );
    if (typeof channel === 'string' && PATCHING.has(channel.toLowerCase()))
      return pass(t(`节点 OS 升级通道为 ${channel}`, `The node OS upgrade channel is ${channel}`), evidence);
    return fail(
      t(
        `节点 OS 升级通道为 ${String(channel)}：节点不会自动获得安全更新`,
        `The node OS upgrade channel is ${String(channel)}: nodes do not get security updates automatically`,
      ),
      evidence,
    );
  },
  examples: [
    { name: 'NodeImage', expect: 'pass', facts: () => cluster('NodeImage') },
    { name: 'SecurityPatch', expect: 'pass', facts: () => cluster('SecurityPatch') },
    { name: 'None', expect: 'fail', facts: () => cluster('None') },
    { name: 'Unmanaged', expect: 'fail', facts: () => cluster('Unmanaged') },
    { name: 'absent (older payload)', expect: 'manual', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
