// Check (AKS): the Key Vault secrets provider add-on (Secrets Store CSI driver) is enabled.
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (enabled: boolean | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.30.6',
      addonProfiles:
        enabled === undefined
          ? {}
          : { azureKeyvaultSecretsProvider: { enabled, config: { enableSecretRotation: 'true' } } },
    },
  });

export default defineArmCheck({
  id: 'aks-keyvault-secrets-provider',
  title: t('已启用 Key Vault 机密提供程序加载项', 'The Key Vault secrets provider add-on is enabled'),
  remediation: t(
    '执行 az aks enable-addons --addons azure-keyvault-secrets-provider --enable-secret-rotation，并通过 SecretProviderClass 从 Key Vault 挂载机密。',
    'Run az aks enable-addons --addons azure-keyvault-secrets-provider --enable-secret-rotation and mount secrets from Key Vault through a SecretProviderClass.',
  ),
  fields: [
    { path: 'addonProfiles.azureKeyvaultSecretsProvider.enabled', expected: 'true' },
    {
      path: 'addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation',
      expected: 'true (recommended)',
    },
  ],
  ok: ([enabled]) => enabled === true,
  passReason: t('已启用 Key Vault 机密提供程序加载项', 'The Key Vault secrets provider add-on is enabled'),
  failReason: t(
    '未启用 Key Vault 机密提供程序加载项',
    'The Key Vault secrets provider add-on is not enabled',
  ),
  examples: [
    { name: 'enabled', expect: 'pass', facts: () => cluster(true) },
    { name: 'disabled', expect: 'fail', facts: () => cluster(false) },
    { name: 'absent', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
