// Check (AKS): Secrets are encrypted with Azure Key Vault KMS (securityProfile.azureKeyVaultKms).
import type { Check } from '../../model/check.js';
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { armEvidence, armValue } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';
import { fail, manual, pass } from '../lib/outcome.js';

const cluster = (kms: JsonObject | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.30.6',
      ...(kms ? { securityProfile: { azureKeyVaultKms: kms } } : {}),
    },
  });

const check: Check = {
  id: 'aks-kms-enabled',
  title: t(
    '已为 Secret 启用 Azure Key Vault KMS 加密',
    'Azure Key Vault KMS encryption of Secrets is enabled',
  ),
  component: 'azure',
  needs: ['azure:managedCluster'],
  remediation: t(
    '使用 az aks update --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <密钥 ID> 启用 KMS 加密。',
    'Enable KMS encryption with az aks update --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key id>.',
  ),
  run({ facts }) {
    if (!facts.azure.managedCluster)
      return manual(
        t(
          '快照中没有 AKS 托管群集数据（azure/managed-cluster.json）',
          'The snapshot holds no AKS managed cluster data (azure/managed-cluster.json)',
        ),
      );
    const enabled = armEvidence(facts, 'securityProfile.azureKeyVaultKms.enabled', 'true');
    const keyId = armValue(facts, 'securityProfile.azureKeyVaultKms.keyId');
    if (enabled.observed === true) {
      return pass(
        t(
          '已启用 Azure KMS，Secret 以 Key Vault 密钥加密',
          'Azure KMS is enabled: Secrets are encrypted with a Key Vault key',
        ),
        [enabled, armEvidence(facts, 'securityProfile.azureKeyVaultKms.keyId', 'a Key Vault key id')],
      );
    }
    return fail(
      t(
        '未启用 Azure KMS：Secret 仅使用平台管理的静态加密',
        'Azure KMS is not enabled: Secrets rely on platform-managed encryption at rest only',
      ),
      keyId === undefined
        ? [enabled]
        : [enabled, armEvidence(facts, 'securityProfile.azureKeyVaultKms.keyId', 'a Key Vault key id')],
    );
  },
  examples: [
    {
      name: 'KMS enabled',
      expect: 'pass',
      facts: () => cluster({ enabled: true, keyId: 'https://kv.vault.azure.net/keys/k/1' }),
    },
    { name: 'KMS disabled', expect: 'fail', facts: () => cluster({ enabled: false }) },
    { name: 'no security profile', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
