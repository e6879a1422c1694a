// Check: Secrets come from an external store: AKS Key Vault provider, Secrets Store CSI, External Secrets or the Vault injector.
import type { Check, Evidence } from '../../model/check.js';
import { t } from '../../model/text.js';
import { armEvidence } from '../lib/azure.js';
import { exampleFacts, kubeObject } from '../lib/example-facts.js';
import { isCollected, kubeEvidence, missingReason } from '../lib/index.js';
import { describe, findCrds, findWebhooks, findWorkloads, sightingEvidence } from '../lib/inventory.js';
import { fail, manual, pass } from '../lib/outcome.js';

const STORE_CRDS =
  /^(secretproviderclasses\.secrets-store\.csi\.x-k8s\.io|externalsecrets\.external-secrets\.io|clustersecretstores\.external-secrets\.io|vaultstaticsecrets\.secrets\.hashicorp\.com)$/;
const VAULT_WEBHOOK = /vault-agent-injector|vault\.hashicorp\.com/;
const STORE_WORKLOADS =
  /secrets-store-csi-driver|secrets-store-provider|external-secrets|vault-agent-injector|hashicorp\/vault-k8s/;

const check: Check = {
  id: 'secrets-external-store',
  title: t('使用外部密钥存储', 'An external secret store is used'),
  component: 'secrets',
  needs: ['kubernetes:CustomResourceDefinition'],
  remediation: t(
    '把机密存放在外部密钥库中：AKS 启用 Key Vault 机密提供程序加载项（az aks enable-addons -a azure-keyvault-secrets-provider），或安装 Secrets Store CSI 驱动、External Secrets Operator 或 Vault Agent Injector。',
    'Keep secrets in an external vault: on AKS enable the Key Vault secrets provider add-on (az aks enable-addons -a azure-keyvault-secrets-provider), elsewhere install the Secrets Store CSI driver, External Secrets Operator or the Vault Agent Injector.',
  ),
  run({ facts }) {
    const found: string[] = [];
    const evidence: Evidence[] = [];
    if (facts.azure.managedCluster) {
      const addon = armEvidence(
        facts,
        'addonProfiles.azureKeyvaultSecretsProvider.enabled',
        'true (or another external store)',
      );
      evidence.push(addon);
      if (addon.observed === true) found.push('AKS Key Vault secrets provider add-on');
    }
    const crds = findCrds(facts, STORE_CRDS);
    const hooks = findWebhooks(facts, VAULT_WEBHOOK);
    const workloads = findWorkloads(facts, STORE_WORKLOADS);
    for (const [objects, what] of [
      [crds, 'customresourcedefinitions of secret stores'],
      [hooks, 'webhook configurations of the Vault injector'],
      [workloads, 'secret store workloads'],
    ] as const) {
      if (objects.length === 0) continue;
      found.push(...objects.slice(0, 5).map(describe));
      evidence.push(sightingEvidence(facts, what, objects, 'an external secret store'));
    }
    if (found.length > 0)
      return pass(
        t(`发现外部密钥存储：${found.join('、')}`, `External secret store found: ${found.join(', ')}`),
        evidence,
      );
    // Every supported store registers CRDs (the Vault injector a webhook): with CRDs collected, absence is observed.
    if (!isCollected(facts, 'CustomResourceDefinition'))
      return manual(missingReason(['CustomResourceDefinition']), evidence);
    return fail(
      t(
        '未发现外部密钥存储（Key Vault 提供程序、Secrets Store CSI、External Secrets 或 Vault）',
        'No external secret store found (Key Vault provider, Secrets Store CSI, External Secrets or Vault)',
      ),
      [
        ...evidence,
        kubeEvidence(
          facts,
          'CustomResourceDefinition',
          'kubernetes:customresourcedefinitions',
          'none of secretproviderclasses, externalsecrets, vaultstaticsecrets',
          'a secret store CRD',
        ),
      ],
    );
  },
  examples: [
    {
      name: 'AKS Key Vault provider add-on',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          managedCluster: {
            name: 'c',
            kubernetesVersion: '1.30.6',
            addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true } },
          },
        }),
    },
    {
      name: 'External Secrets CRD',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [kubeObject('CustomResourceDefinition', 'externalsecrets.external-secrets.io', undefined)],
        }),
    },
    {
      name: 'AKS add-on off and no store CRDs',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          managedCluster: {
            name: 'c',
            kubernetesVersion: '1.30.6',
            addonProfiles: { azureKeyvaultSecretsProvider: { enabled: false } },
          },
          objects: [kubeObject('CustomResourceDefinition', 'certificates.cert-manager.io', undefined)],
        }),
    },
    { name: 'CRDs not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
