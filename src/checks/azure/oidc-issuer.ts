// Check (AKS): the OIDC issuer is enabled, so workloads use short-lived federated tokens (workload identity).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (enabled: boolean | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.30.6',
      ...(enabled === undefined ? {} : { oidcIssuerProfile: { enabled } }),
    },
  });

export default defineArmCheck({
  id: 'aks-oidc-issuer',
  title: t('已启用 OIDC 颁发者', 'The OIDC issuer is enabled'),
  remediation: t(
    '执行 az aks update --enable-oidc-issuer（并按需 --enable-workload-identity），让工作负载使用短期联合令牌而非长期凭据。',
    'Run az aks update --enable-oidc-issuer (and --enable-workload-identity as needed) so workloads use short-lived federated tokens rather than long-lived credentials.',
  ),
  fields: [
    { path: 'oidcIssuerProfile.enabled', expected: 'true' },
    { path: 'oidcIssuerProfile.issuerUrl', expected: 'an issuer URL' },
  ],
  ok: ([enabled]) => enabled === true,
  passReason: t('已启用 OIDC 颁发者', 'The OIDC issuer is enabled'),
  failReason: t('未启用 OIDC 颁发者', 'The OIDC issuer is not enabled'),
  examples: [
    { name: 'enabled', expect: 'pass', facts: () => cluster(true) },
    { name: 'disabled', expect: 'fail', facts: () => cluster(false) },
    { name: 'no profile', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
