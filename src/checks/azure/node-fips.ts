// Check (AKS): every agent pool runs a FIPS 140-validated node image (enableFIPS).
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { definePoolCheck } from '../lib/agent-pools.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (...pools: JsonObject[]) =>
  exampleFacts({ managedCluster: { name: 'c', kubernetesVersion: '1.33.2', agentPoolProfiles: pools } });

export default definePoolCheck({
  id: 'aks-node-fips',
  title: t('所有节点池使用启用 FIPS 的节点映像', 'Every node pool uses a FIPS-enabled node image'),
  remediation: t(
    '以 --enable-fips-image 创建新的节点池并迁移工作负载（现有节点池可用 az aks nodepool update --enable-fips-image 更新）。',
    'Create node pools with --enable-fips-image and move workloads to them (existing pools can be updated with az aks nodepool update --enable-fips-image).',
  ),
  field: 'enableFips',
  expected: 'true',
  judge: (value) => value === true,
  failing: t('未启用 FIPS 节点映像', 'do not use a FIPS-enabled node image'),
  passReason: t('所有代理池均启用 FIPS 节点映像', 'Every agent pool uses a FIPS-enabled node image'),
  examples: [
    { name: 'all FIPS', expect: 'pass', facts: () => cluster({ name: 'system', enableFips: true }) },
    {
      name: 'one pool without FIPS',
      expect: 'fail',
      facts: () => cluster({ name: 'system', enableFips: true }, { name: 'apps', enableFips: false }),
    },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
