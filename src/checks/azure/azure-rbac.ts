// Check (AKS): Azure RBAC for Kubernetes authorization is enabled (aadProfile.enableAzureRbac).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (enableAzureRbac: boolean | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.30.6',
      ...(enableAzureRbac === undefined ? {} : { aadProfile: { managed: true, enableAzureRbac } }),
    },
  });

export default defineArmCheck({
  id: 'aks-azure-rbac',
  title: t('已启用 Azure RBAC 进行 Kubernetes 授权', 'Azure RBAC is enabled for Kubernetes authorization'),
  remediation: t(
    '执行 az aks update --enable-azure-rbac，用 Entra ID 组与 Azure 角色分配集中管理群集访问。',
    'Run az aks update --enable-azure-rbac so cluster access is managed centrally with Entra ID groups and Azure role assignments.',
  ),
  fields: [
    { path: 'aadProfile.enableAzureRbac', expected: 'true' },
    { path: 'aadProfile.managed', expected: 'true' },
  ],
  ok: ([azureRbac]) => azureRbac === true,
  passReason: t('已启用 Azure RBAC', 'Azure RBAC is enabled'),
  failReason: t(
    '未启用 Azure RBAC：授权仅依赖群集内的 RBAC 绑定',
    'Azure RBAC is not enabled: authorization relies on in-cluster RBAC bindings alone',
  ),
  examples: [
    { name: 'enabled', expect: 'pass', facts: () => cluster(true) },
    { name: 'disabled', expect: 'fail', facts: () => cluster(false) },
    { name: 'no Entra ID profile', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
