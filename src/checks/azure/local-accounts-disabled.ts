// Check (AKS): local (client-certificate) accounts are disabled and users sign in through Entra ID.
import type { Check } from '../../model/check.js';
import { t } from '../../model/text.js';
import { armEvidence } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';
import { fail, manual, pass } from '../lib/outcome.js';

const cluster = (disableLocalAccounts: boolean, managedAad: boolean) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.30.6',
      disableLocalAccounts,
      ...(managedAad ? { aadProfile: { managed: true } } : {}),
    },
  });

const check: Check = {
  id: 'aks-local-accounts-disabled',
  title: t(
    '已禁用本地账户，用户通过 Entra ID 认证',
    'Local accounts are disabled and users authenticate through Entra ID',
  ),
  component: 'azure',
  needs: ['azure:managedCluster'],
  remediation: t(
    '启用 Entra ID 集成后执行 az aks update --disable-local-accounts，停止使用客户端证书（clusterAdmin 凭据）。',
    'With Entra ID integration enabled, run az aks update --disable-local-accounts so client certificates (clusterAdmin credentials) are no longer issued.',
  ),
  run({ facts }) {
    if (!facts.azure.managedCluster)
      return manual(t('快照中没有 AKS 托管群集数据', 'The snapshot holds no AKS managed cluster data'));
    const disabled = armEvidence(facts, 'disableLocalAccounts', 'true');
    const aad = armEvidence(facts, 'aadProfile.managed', 'true');
    if (disabled.observed === true && aad.observed === true) {
      return pass(
        t(
          '本地账户已禁用，Entra ID 集成已启用',
          'Local accounts are disabled and Entra ID integration is on',
        ),
        [disabled, aad],
      );
    }
    return fail(
      t(
        '本地账户未禁用：可以获取基于客户端证书的管理员凭据',
        'Local accounts are not disabled: client-certificate admin credentials can be obtained',
      ),
      [disabled, aad],
    );
  },
  examples: [
    { name: 'disabled with Entra ID', expect: 'pass', facts: () => cluster(true, true) },
    { name: 'local accounts on', expect: 'fail', facts: () => cluster(false, true) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
