// Check: image provenance is enforced at admission: ImagePolicyWebhook, signature verification, or allowed-registry policies.
import type { Check, Evidence } from '../../model/check.js';
import { t } from '../../model/text.js';
import { componentArgs } from '../lib/components.js';
import { exampleFacts, kubeObject } from '../lib/example-facts.js';
import { flagList } from '../lib/flags.js';
import { isCollected, kubeEvidence, missingReason, objectsOf } from '../lib/index.js';
import { describe, findCrds, findWebhooks, sightingEvidence } from '../lib/inventory.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { isObject } from '../lib/workloads.js';

/** Gatekeeper creates one CRD per constraint template; these templates restrict images (library and Azure Policy names). */
const IMAGE_CONSTRAINTS =
  /(allowedrepos|allowedimages|containerallowedimages|disallowedtags|imagedigests|allowedregistries|imagesignature)[a-z0-9]*\.constraints\.gatekeeper\.sh$/;
/** Signature verifiers: sigstore policy-controller, Ratify, Connaisseur, Kyverno image verification. */
const VERIFIER_CRDS =
  /^(clusterimagepolicies\.policy\.sigstore\.dev|verifiers\.config\.ratify\.deislabs\.io|imagevalidatingpolicies\.policies\.kyverno\.io)$/;
const VERIFIER_WEBHOOKS = /connaisseur|policy\.sigstore\.dev|ratify/;

const check: Check = {
  id: 'admission-image-policy',
  title: t('在准入阶段强制镜像来源策略', 'Image provenance is enforced at admission'),
  component: 'admission',
  needs: ['kubernetes:CustomResourceDefinition', 'kubernetes:ValidatingWebhookConfiguration'],
  remediation: t(
    '在准入阶段限制镜像来源：启用 ImagePolicyWebhook，或部署镜像签名校验（Ratify、sigstore policy-controller、Kyverno verifyImages），或用 Gatekeeper/Azure Policy 限定允许的镜像仓库。',
    'Restrict where images come from at admission: enable ImagePolicyWebhook, or verify signatures (Ratify, sigstore policy-controller, Kyverno verifyImages), or allow only approved registries with Gatekeeper or Azure Policy.',
  ),
  run({ facts }) {
    const found: string[] = [];
    const evidence: Evidence[] = [];
    const apiservers = componentArgs(facts, 'kube-apiserver');
    for (const args of apiservers) {
      const plugins = flagList(args.flags, 'enable-admission-plugins');
      evidence.push({
        source: args.source,
        path: `${args.location} --enable-admission-plugins`,
        observed: plugins.join(',') || null,
        expected: 'includes ImagePolicyWebhook (or another image control)',
        time: args.time,
        ...(args.file ? { file: args.file } : {}),
      });
      if (plugins.includes('ImagePolicyWebhook') && !found.includes('ImagePolicyWebhook'))
        found.push('ImagePolicyWebhook');
    }
    const sightings = [
      ...findCrds(facts, IMAGE_CONSTRAINTS),
      ...findCrds(facts, VERIFIER_CRDS),
      ...findWebhooks(facts, VERIFIER_WEBHOOKS),
    ];
    if (sightings.length > 0) {
      found.push(...sightings.slice(0, 5).map(describe));
      evidence.push(sightingEvidence(facts, 'image policy CRDs and webhooks', sightings, 'an image policy'));
    }
    const kyverno = objectsOf(facts, 'ClusterPolicy').filter((p) => {
      const rules = isObject(p.spec) && Array.isArray(p.spec.rules) ? p.spec.rules : [];
      return rules.some((r) => isObject(r) && Array.isArray(r.verifyImages) && r.verifyImages.length > 0);
    });
    if (kyverno.length > 0) {
      found.push(...kyverno.slice(0, 5).map(describe));
      evidence.push(
        sightingEvidence(facts, 'Kyverno ClusterPolicies with verifyImages', kyverno, 'an image policy'),
      );
    }
    if (found.length > 0)
      return pass(
        t(
          `镜像来源受准入控制约束：${found.join('、')}`,
          `Image provenance is enforced at admission: ${found.join(', ')}`,
        ),
        evidence,
      );

    const missing = ['CustomResourceDefinition', 'ValidatingWebhookConfiguration'].filter(
      (k) => !isCollected(facts, k),
    );
    if (missing.length > 0) return manual(missingReason(missing), evidence);
    // AKS does not let customers enable ImagePolicyWebhook; elsewhere the API server's flags must be seen.
    if (!facts.azure.managedCluster && apiservers.length === 0) {
      return manual(
        t(
          '未发现镜像策略 CRD 或 Webhook，但没有 kube-apiserver 命令行，无法排除 ImagePolicyWebhook',
          'No image policy CRD or webhook found, but without the kube-apiserver command line ImagePolicyWebhook cannot be ruled out',
        ),
        evidence,
      );
    }
    evidence.push(
      kubeEvidence(
        facts,
        'CustomResourceDefinition',
        'kubernetes:customresourcedefinitions+webhooks',
        'no image policy CRD, constraint or verifier webhook',
        'an image policy',
      ),
    );
    return fail(
      t('没有在准入阶段强制镜像来源策略', 'Nothing enforces image provenance at admission'),
      evidence,
    );
  },
  examples: [
    {
      name: 'Gatekeeper allowed-repos constraint',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            kubeObject('CustomResourceDefinition', 'k8sallowedrepos.constraints.gatekeeper.sh', undefined),
          ],
        }),
    },
    {
      name: 'ImagePolicyWebhook on the API server',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          nodes: [
            {
              name: 'cp',
              processes: {
                'kube-apiserver': [
                  'kube-apiserver',
                  '--enable-admission-plugins=NodeRestriction,ImagePolicyWebhook',
                ],
              },
            },
          ],
        }),
    },
    {
      name: 'AKS with only non-image constraints',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['ValidatingWebhookConfiguration'],
          managedCluster: { name: 'c', kubernetesVersion: '1.30.6' },
          objects: [
            kubeObject(
              'CustomResourceDefinition',
              'k8sazurev2noprivilege.constraints.gatekeeper.sh',
              undefined,
            ),
          ],
        }),
    },
    {
      name: 'self-managed without the API server flags',
      expect: 'manual',
      facts: () => exampleFacts({ kinds: ['ValidatingWebhookConfiguration', 'CustomResourceDefinition'] }),
    },
  ],
};
export default check;
