// Check: an admission policy control is active: Pod Security Admission on every user namespace, Gatekeeper, Kyverno, Azure Policy or ValidatingAdmissionPolicies.
import type { Check, CheckParameters, Evidence, Offender } from '../../model/check.js';
import type { Facts } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { armEvidence } from '../lib/azure.js';
import { bindingObject, exampleFacts, kubeObject, namespaceObject } from '../lib/example-facts.js';
import { byName, isCollected, kubeEvidence, missingReason, objectsOf, shortList } from '../lib/index.js';
import { findCrds, findWebhooks, sightingEvidence } from '../lib/inventory.js';
import { userNamespaces } from '../lib/namespaces.js';
import { fail, manual, pass } from '../lib/outcome.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const ENFORCING_LEVELS = new Set(['baseline', 'restricted']);

interface Psa {
  covered: string[];
  uncovered: Offender[];
  /** kube-system runs privileged node components by design; it is left to the other controls. */
  skipped: string[];
}

function podSecurityAdmission(facts: Facts, params: CheckParameters): Psa {
  const scope = userNamespaces(facts, params);
  const namespaces = byName(facts, 'Namespace');
  const psa: Psa = { covered: [], uncovered: [], skipped: [] };
  for (const name of scope.names) {
    if (name === 'kube-system') {
      psa.skipped.push(name);
      continue;
    }
    const level = namespaces.get(`/${name}`)?.metadata.labels?.[ENFORCE];
    if (level !== undefined && ENFORCING_LEVELS.has(level)) psa.covered.push(name);
    else
      psa.uncovered.push({
        kind: 'Namespace',
        name,
        field: `metadata.labels[${ENFORCE}]`,
        value: level ?? null,
      });
  }
  return psa;
}

const check: Check = {
  id: 'admission-policy-control',
  title: t('启用了准入策略控制', 'An admission policy control is active'),
  component: 'admission',
  needs: [
    'kubernetes:Namespace',
    'kubernetes:ValidatingWebhookConfiguration',
    'kubernetes:CustomResourceDefinition',
  ],
  remediation: t(
    '为每个用户命名空间设置标签 pod-security.kubernetes.io/enforce=baseline（或 restricted），或部署 Gatekeeper、Kyverno、AKS 的 Azure Policy 加载项或 ValidatingAdmissionPolicy。',
    'Label every user namespace pod-security.kubernetes.io/enforce=baseline (or restricted), or run Gatekeeper, Kyverno, the AKS Azure Policy add-on or ValidatingAdmissionPolicies.',
  ),
  run({ facts, params }) {
    const controls: string[] = [];
    const evidence: Evidence[] = [];
    if (facts.azure.managedCluster) {
      const addon = armEvidence(
        facts,
        'addonProfiles.azurepolicy.enabled',
        'true (or another policy control)',
      );
      evidence.push(addon);
      if (addon.observed === true) controls.push('Azure Policy add-on');
    }
    const gatekeeper = [
      ...findWebhooks(facts, /gatekeeper/),
      ...findCrds(facts, /^constrainttemplates\.templates\.gatekeeper\.sh$/),
    ];
    if (gatekeeper.length > 0) {
      controls.push('Gatekeeper');
      evidence.push(sightingEvidence(facts, 'Gatekeeper webhooks and CRDs', gatekeeper, 'a policy engine'));
    }
    const kyverno = [...findWebhooks(facts, /kyverno/), ...findCrds(facts, /\.kyverno\.io$/)];
    if (kyverno.length > 0) {
      controls.push('Kyverno');
      evidence.push(sightingEvidence(facts, 'Kyverno webhooks and CRDs', kyverno, 'a policy engine'));
    }
    const policies = objectsOf(facts, 'ValidatingAdmissionPolicy');
    const policyBindings = objectsOf(facts, 'ValidatingAdmissionPolicyBinding');
    // A policy does nothing until a binding selects it; without the bindings collected, its presence is taken as intent.
    if (
      policies.length > 0 &&
      (policyBindings.length > 0 || !isCollected(facts, 'ValidatingAdmissionPolicyBinding'))
    ) {
      controls.push('ValidatingAdmissionPolicy');
      evidence.push(sightingEvidence(facts, 'validatingadmissionpolicies', policies, 'bound policies'));
    }
    const offenders: Offender[] = [];
    if (isCollected(facts, 'Namespace')) {
      const psa = podSecurityAdmission(facts, params);
      const total = psa.covered.length + psa.uncovered.length;
      evidence.push(
        kubeEvidence(
          facts,
          'Namespace',
          `kubernetes:namespaces .metadata.labels[${ENFORCE}]`,
          `${psa.covered.length} of ${total} user namespaces enforce baseline or restricted` +
            (psa.skipped.length > 0 ? `; ${psa.skipped.join(', ')} not required` : ''),
          'baseline or restricted on every user namespace',
        ),
      );
      if (total > 0 && psa.uncovered.length === 0) controls.push('Pod Security Admission');
      offenders.push(...psa.uncovered);
    }
    if (controls.length > 0) {
      const gaps = offenders.length > 0 && !controls.includes('Pod Security Admission');
      return pass(
        t(
          `启用的准入策略控制：${controls.join('、')}` +
            (gaps ? `（另有 ${offenders.length} 个命名空间未设置 PSA enforce 标签）` : ''),
          `Admission policy control active: ${controls.join(', ')}` +
            (gaps ? ` (${offenders.length} namespace(s) also lack a PSA enforce label)` : ''),
        ),
        evidence,
      );
    }
    const missing = ['Namespace', 'ValidatingWebhookConfiguration', 'CustomResourceDefinition'].filter(
      (k) => !isCollected(facts, k),
    );
    if (missing.length > 0) return manual(missingReason(missing), evidence, offenders);
    return fail(
      t(
        `没有启用准入策略控制：未发现 Gatekeeper、Kyverno、Azure Policy 或 ValidatingAdmissionPolicy，且 ${offenders.length} 个命名空间未强制 Pod 安全标准（${shortList(offenders.map((o) => o.name))}）`,
        `No admission policy control is active: no Gatekeeper, Kyverno, Azure Policy or ValidatingAdmissionPolicy, and ${offenders.length} namespace(s) do not enforce a Pod Security Standard (${shortList(offenders.map((o) => o.name))})`,
      ),
      evidence,
      offenders,
    );
  },
  examples: [
    {
      name: 'PSA enforce on every user namespace (kube-system not required)',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            namespaceObject('kube-system'),
            namespaceObject('shop', { [ENFORCE]: 'restricted' }),
            namespaceObject('blog', { [ENFORCE]: 'baseline' }),
          ],
        }),
    },
    {
      name: 'Gatekeeper webhook, PSA partial',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            namespaceObject('shop'),
            kubeObject(
              'ValidatingWebhookConfiguration',
              'gatekeeper-validating-webhook-configuration',
              undefined,
              { webhooks: [{ name: 'validation.gatekeeper.sh' }] },
            ),
          ],
        }),
    },
    {
      name: 'Azure Policy add-on',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          managedCluster: {
            name: 'c',
            kubernetesVersion: '1.30.6',
            addonProfiles: { azurepolicy: { enabled: true } },
          },
        }),
    },
    {
      name: 'a ValidatingAdmissionPolicy without any binding does not count',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: [
            'ValidatingWebhookConfiguration',
            'CustomResourceDefinition',
            'ValidatingAdmissionPolicyBinding',
          ],
          objects: [
            namespaceObject('shop'),
            kubeObject('ValidatingAdmissionPolicy', 'no-latest', undefined, {
              spec: { validations: [{ expression: 'true' }] },
            }),
          ],
        }),
    },
    {
      name: 'privileged PSA level is no control',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['ValidatingWebhookConfiguration', 'CustomResourceDefinition'],
          objects: [
            namespaceObject('shop', { [ENFORCE]: 'privileged' }),
            bindingObject('unrelated', 'shop', 'ClusterRole/view', []),
          ],
        }),
    },
    {
      name: 'webhooks and CRDs not collected',
      expect: 'manual',
      facts: () => exampleFacts({ objects: [namespaceObject('shop')] }),
    },
  ],
};
export default check;
