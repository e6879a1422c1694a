// Check (AKS): the Azure Policy add-on is enabled (Gatekeeper-based admission policies managed from Azure).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (enabled: boolean) =>
  exampleFacts({
    managedCluster: { name: 'c', kubernetesVersion: '1.30.6', addonProfiles: { azurepolicy: { enabled } } },
  });

export default defineArmCheck({
  id: 'aks-azure-policy-addon',
  title: t('已启用 Azure Policy 加载项', 'The Azure Policy add-on is enabled'),
  remediation: t(
    '执行 az aks enable-addons --addons azure-policy，并分配 Kubernetes 群集 Pod 安全基线（或受限）计划。',
    'Run az aks enable-addons --addons azure-policy and assign the Kubernetes cluster pod security baseline (or restricted) initiative.',
  ),
  fields: [{ path: 'addonProfiles.azurepolicy.enabled', expected: 'true' }],
  ok: ([enabled]) => enabled === true,
  passReason: t('已启用 Azure Policy 加载项', 'The Azure Policy add-on is enabled'),
  failReason: t('未启用 Azure Policy 加载项', 'The Azure Policy add-on is not enabled'),
  examples: [
    { name: 'enabled', expect: 'pass', facts: () => cluster(true) },
    { name: 'disabled', expect: 'fail', facts: () => cluster(false) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
