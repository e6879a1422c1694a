// Check: service account tokens are mounted only where needed: never the default account's, and each other mount confirmed by a person.
import type { Check, Offender } from '../../model/check.js';
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod } from '../lib/example-facts.js';
import { kubeEvidence, missingReason, shortList } from '../lib/index.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { offender, podSpecList, scope, tokenMount, WORKLOAD_KINDS } from '../lib/workloads.js';

const check: Check = {
  id: 'workload-service-account-token-automount',
  title: t('仅在需要时挂载服务账户令牌', 'Service account tokens are mounted only where needed'),
  component: 'workloads',
  needs: ['kubernetes:Pod', 'kubernetes:ServiceAccount'],
  remediation: t(
    '在不访问 Kubernetes API 的 Pod（或其服务账户）上设置 automountServiceAccountToken: false；需要访问 API 的工作负载使用专用服务账户。',
    'Set automountServiceAccountToken: false on pods (or their service accounts) that do not call the Kubernetes API; workloads that do get a dedicated service account.',
  ),
  run({ facts, params }) {
    const collected = WORKLOAD_KINDS.filter((k) => facts.kubernetes.collectedKinds.has(k));
    if (collected.length === 0) return manual(missingReason(['Pod']));
    const scoped = scope(podSpecList(facts), params);
    const offenders: Offender[] = [];
    let withDefault = 0;
    let unknown = 0;
    for (const ref of scoped.items) {
      const mount = tokenMount(facts, ref);
      if (mount.mounted === undefined) unknown++;
      if (mount.mounted !== true) continue;
      if (mount.serviceAccount === 'default') withDefault++;
      offenders.push(
        offender(
          ref.object,
          'automountServiceAccountToken',
          `ServiceAccount ${mount.serviceAccount}: ${mount.via}`,
        ),
      );
    }
    const excluded =
      scoped.excluded > 0
        ? `; ${scoped.excluded} in system namespaces (${shortList(scoped.excludedNamespaces)}) excluded`
        : '';
    const evidence = [
      kubeEvidence(
        facts,
        'Pod',
        'kubernetes:pods and templates .spec.automountServiceAccountToken, serviceaccounts .automountServiceAccountToken',
        `${offenders.length} of ${scoped.items.length} pod specs mount a token (${withDefault} of the default account); ${unknown} undecided${excluded}`,
        'no token of a default account; other mounts confirmed as needed',
      ),
    ];
    if (withDefault > 0) {
      return fail(
        t(
          `${withDefault} 个 Pod 规约挂载了 default 服务账户的令牌（共 ${offenders.length} 个挂载令牌）`,
          `${withDefault} pod spec(s) mount the token of a default service account (${offenders.length} mount a token in all)`,
        ),
        evidence,
        offenders,
      );
    }
    if (offenders.length > 0) {
      return manual(
        t(
          `${offenders.length} 个 Pod 规约以专用服务账户挂载令牌，请确认是否确需访问 API`,
          `${offenders.length} pod spec(s) mount a dedicated service account token; a person must confirm each calls the API`,
        ),
        evidence,
        offenders,
      );
    }
    if (unknown > 0)
      return manual(
        t(
          `${unknown} 个 Pod 规约未设置该字段，且未采集 ServiceAccount，无法判断`,
          `${unknown} pod spec(s) leave the field unset and ServiceAccounts were not collected, so this cannot be decided`,
        ),
        evidence,
      );
    return pass(
      t(
        `已检查 ${scoped.items.length} 个 Pod 规约，均未挂载服务账户令牌`,
        `None of ${scoped.items.length} pod specs mounts a service account token`,
      ),
      evidence,
    );
  },
  examples: [
    {
      name: 'pod opts out; its SA would mount',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            kubeObject('ServiceAccount', 'web', 'shop'),
            pod('web', 'shop', [{}], { serviceAccountName: 'web', automountServiceAccountToken: false }),
          ],
        }),
    },
    {
      name: 'running pod shows the projected token volume of the default account',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('web', 'shop', [{}], {
              volumes: [
                {
                  name: 'kube-api-access-x2x9z',
                  projected: { sources: [{ serviceAccountToken: { path: 'token' } }] },
                },
              ],
            }),
          ],
        }),
    },
    {
      name: 'a dedicated operator account mounts its token (needs review)',
      expect: 'manual',
      facts: () =>
        exampleFacts({
          objects: [
            kubeObject('ServiceAccount', 'operator', 'ops'),
            pod('operator', 'ops', [{}], { serviceAccountName: 'operator' }),
          ],
        }),
    },
    {
      name: 'service accounts not collected and field unset',
      expect: 'manual',
      facts: () => exampleFacts({ objects: [pod('web', 'shop', [{}])] }),
    },
    { name: 'nothing collected', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
