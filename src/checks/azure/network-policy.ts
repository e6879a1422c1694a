// Check (AKS): a network policy engine is configured (networkProfile.networkPolicy azure, calico or cilium).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const ENGINES = new Set(['azure', 'calico', 'cilium']);
const cluster = (networkPolicy: string | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.30.6',
      networkProfile: { networkPlugin: 'azure', ...(networkPolicy ? { networkPolicy } : {}) },
    },
  });

export default defineArmCheck({
  id: 'aks-network-policy',
  title: t('已配置网络策略引擎', 'A network policy engine is configured'),
  remediation: t(
    '执行 az aks update --network-policy azure|calico|cilium（或在创建群集时指定），使 NetworkPolicy 得到执行。',
    'Run az aks update --network-policy azure|calico|cilium (or set it when creating the cluster) so NetworkPolicies are enforced.',
  ),
  fields: [
    { path: 'networkProfile.networkPolicy', expected: 'azure, calico or cilium' },
    { path: 'networkProfile.networkPlugin', expected: 'any' },
  ],
  ok: ([engine]) => typeof engine === 'string' && ENGINES.has(engine),
  passReason: t('已配置网络策略引擎', 'A network policy engine is configured'),
  failReason: t(
    '未配置网络策略引擎：NetworkPolicy 不会被执行',
    'No network policy engine is configured: NetworkPolicies are not enforced',
  ),
  examples: [
    { name: 'calico', expect: 'pass', facts: () => cluster('calico') },
    { name: 'none', expect: 'fail', facts: () => cluster('none') },
    { name: 'unset', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
