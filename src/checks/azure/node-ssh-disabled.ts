// Check (AKS): no agent pool accepts SSH with local keys (securityProfile.sshAccess Disabled or EntraId per pool).
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { definePoolCheck } from '../lib/agent-pools.js';
import { exampleFacts } from '../lib/example-facts.js';

const SAFE = new Set(['disabled', 'entraid']);
const cluster = (...pools: JsonObject[]) =>
  exampleFacts({ managedCluster: { name: 'c', kubernetesVersion: '1.33.2', agentPoolProfiles: pools } });

export default definePoolCheck({
  id: 'aks-node-ssh-disabled',
  title: t(
    '节点不接受基于本地密钥的 SSH（SSH 已禁用或仅限 Entra ID）',
    'Nodes accept no SSH with local keys (SSH disabled or Entra ID only)',
  ),
  remediation: t(
    '执行 az aks nodepool update --ssh-access disabled（或 entraid），节点排障改用 kubectl debug node 或 Azure Bastion。',
    'Run az aks nodepool update --ssh-access disabled (or entraid) and troubleshoot nodes with kubectl debug node or Azure Bastion instead.',
  ),
  field: 'securityProfile.sshAccess',
  expected: 'Disabled or EntraId',
  // Absent means AKS's default, LocalUser: SSH with the cluster's key pair.
  judge: (value) => typeof value === 'string' && SAFE.has(value.toLowerCase()),
  failing: t(
    '允许使用本地密钥 SSH 登录节点（LocalUser 或未设置即默认值）',
    'allow SSH with local keys (LocalUser, or unset: the default)',
  ),
  passReason: t('所有代理池均禁用本地密钥 SSH', 'No agent pool allows SSH with local keys'),
  examples: [
    {
      name: 'disabled everywhere',
      expect: 'pass',
      facts: () => cluster({ name: 'system', securityProfile: { sshAccess: 'Disabled' } }),
    },
    {
      name: 'one pool on the default',
      expect: 'fail',
      facts: () => cluster({ name: 'system', securityProfile: { sshAccess: 'Disabled' } }, { name: 'apps' }),
    },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
