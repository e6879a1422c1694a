// Check (AKS): Microsoft Entra Workload ID is enabled, so pods reach Azure with federated tokens instead of stored secrets.
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (enabled: boolean | undefined, issuer = true) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.33.2',
      oidcIssuerProfile: { enabled: issuer },
      ...(enabled === undefined ? {} : { securityProfile: { workloadIdentity: { enabled } } }),
    },
  });

export default defineArmCheck({
  id: 'aks-workload-identity',
  title: t('已启用 Microsoft Entra 工作负载 ID', 'Microsoft Entra Workload ID is enabled'),
  remediation: t(
    '执行 az aks update --enable-oidc-issuer --enable-workload-identity，为每个需要访问 Azure 的工作负载创建专用服务账户和联合身份凭据，不再在 Pod 中保存密钥。',
    'Run az aks update --enable-oidc-issuer --enable-workload-identity and give each workload that calls Azure its own service account with a federated identity credential, instead of secrets stored in pods.',
  ),
  fields: [
    { path: 'securityProfile.workloadIdentity.enabled', expected: 'true' },
    { path: 'oidcIssuerProfile.enabled', expected: 'true' },
  ],
  ok: ([enabled, issuer]) => enabled === true && issuer === true,
  passReason: t(
    '工作负载 ID 与 OIDC 颁发者均已启用',
    'Workload identity and the OIDC issuer are both enabled',
  ),
  failReason: t(
    '未启用工作负载 ID（或缺少 OIDC 颁发者）：工作负载只能用存储的凭据访问 Azure',
    'Workload identity is not enabled (or the OIDC issuer is off): workloads can reach Azure only with stored credentials',
  ),
  examples: [
    { name: 'enabled', expect: 'pass', facts: () => cluster(true) },
    { name: 'disabled', expect: 'fail', facts: () => cluster(false) },
    { name: 'enabled without the OIDC issuer', expect: 'fail', facts: () => cluster(true, false) },
    { name: 'absent', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
