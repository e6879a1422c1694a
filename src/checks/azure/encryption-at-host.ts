// Check (AKS): every agent pool encrypts its temp disks and disk caches at the VM host (enableEncryptionAtHost).
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { definePoolCheck } from '../lib/agent-pools.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (...pools: JsonObject[]) =>
  exampleFacts({ managedCluster: { name: 'c', kubernetesVersion: '1.33.2', agentPoolProfiles: pools } });

export default definePoolCheck({
  id: 'aks-encryption-at-host',
  title: t('所有节点池启用主机加密', 'Every node pool has encryption at host enabled'),
  remediation: t(
    '在订阅上注册 EncryptionAtHost 功能，以 --enable-encryption-at-host 创建节点池（或用 az aks nodepool update 启用），使临时磁盘和磁盘缓存也被加密。',
    'Register the EncryptionAtHost feature on the subscription and create node pools with --enable-encryption-at-host (or enable it with az aks nodepool update) so temp disks and disk caches are encrypted too.',
  ),
  field: 'enableEncryptionAtHost',
  expected: 'true',
  judge: (value) => value === true,
  failing: t('未启用主机加密', 'do not have encryption at host'),
  passReason: t('所有代理池均启用主机加密', 'Every agent pool has encryption at host'),
  examples: [
    {
      name: 'all encrypted',
      expect: 'pass',
      facts: () => cluster({ name: 'system', enableEncryptionAtHost: true }),
    },
    {
      name: 'one pool without',
      expect: 'fail',
      facts: () =>
        cluster(
          { name: 'system', enableEncryptionAtHost: true },
          { name: 'apps', enableEncryptionAtHost: false },
        ),
    },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
