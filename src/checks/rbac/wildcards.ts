// Check (RBAC): no Role or ClusterRole outside Kubernetes' and the provider's own uses * in verbs, resources or apiGroups.
import type { Check, Offender } from '../../model/check.js';
import { t } from '../../model/text.js';
import { exampleFacts, roleObject } from '../lib/example-facts.js';
import { kubeEvidence, missingKinds, missingReason, objectsOf } from '../lib/index.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { ADDON_MANAGER_LABEL, isBuiltInObject } from '../lib/rbac.js';
import { isObject, strings } from '../lib/workloads.js';

const FIELDS = ['verbs', 'resources', 'apiGroups'] as const;

const check: Check = {
  id: 'rbac-wildcards',
  title: t('尽量减少角色中的通配符', 'Wildcards in Roles and ClusterRoles are minimised'),
  component: 'rbac',
  needs: ['kubernetes:Role', 'kubernetes:ClusterRole'],
  remediation: t(
    '把角色规则中的 "*" 替换为具体的 verbs、resources 与 apiGroups；通配符会自动授予以后新增的资源和动词。',
    'Replace "*" in role rules with the specific verbs, resources and apiGroups; a wildcard silently grants resources and verbs added later.',
  ),
  run({ facts, params }) {
    const missing = missingKinds(facts, ['Role', 'ClusterRole']);
    if (missing.length === 2) return manual(missingReason(missing));
    const offenders: Offender[] = [];
    let examined = 0;
    let builtIn = 0;
    let provider = 0;
    const offending = new Set<string>();
    for (const kind of ['ClusterRole', 'Role'] as const) {
      for (const role of objectsOf(facts, kind)) {
        if (isBuiltInObject(role)) {
          builtIn++;
          continue;
        }
        const ns = role.metadata.namespace;
        if (
          role.metadata.labels?.[ADDON_MANAGER_LABEL] !== undefined ||
          (ns !== undefined && params.systemNamespaces.includes(ns))
        ) {
          provider++;
          continue;
        }
        // An aggregated ClusterRole's rules are copies of the roles it selects; those are examined themselves.
        if (isObject(role.aggregationRule)) continue;
        examined++;
        const rules = Array.isArray(role.rules) ? role.rules.filter(isObject) : [];
        rules.forEach((rule, i) => {
          for (const field of FIELDS) {
            const values = strings(rule[field]);
            if (!values.includes('*')) continue;
            offending.add(`${kind}/${ns ?? ''}/${role.metadata.name}`);
            offenders.push({
              kind,
              ...(ns ? { namespace: ns } : {}),
              name: role.metadata.name,
              field: `rules[${i}].${field}`,
              value: values,
            });
          }
        });
      }
    }
    const evidence = [
      kubeEvidence(
        facts,
        'ClusterRole',
        'kubernetes:roles+clusterroles .rules[].{verbs,resources,apiGroups}',
        `${offending.size} of ${examined} roles use *; ${builtIn} built-in and ${provider} provider roles excluded`,
        'no * outside Kubernetes built-in roles',
      ),
    ];
    if (offenders.length > 0) {
      return fail(
        t(
          `${examined} 个角色中有 ${offending.size} 个使用通配符 *`,
          `${offending.size} of ${examined} roles use the * wildcard`,
        ),
        evidence,
        offenders,
      );
    }
    if (missing.length > 0) return manual(missingReason(missing), evidence);
    return pass(
      t(
        `已检查 ${examined} 个非内置角色，均未使用通配符`,
        `None of ${examined} roles outside Kubernetes defaults uses a wildcard`,
      ),
      evidence,
    );
  },
  examples: [
    {
      name: 'specific rules; cluster-admin is built-in',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            roleObject('cluster-admin', undefined, [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }], {
              labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
            }),
            roleObject('reader', 'shop', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]),
          ],
        }),
    },
    {
      name: 'a namespace Role with verbs *',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['ClusterRole'],
          objects: [
            roleObject('app-admin', 'shop', [
              { apiGroups: ['apps'], resources: ['deployments'], verbs: ['*'] },
            ]),
          ],
        }),
    },
    {
      name: 'an aggregated role is judged by the roles it selects',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Role'],
          objects: [
            roleObject('support', undefined, [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }], {
              body: { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'x/support': 'true' } }] } },
            }),
            roleObject('support-all', undefined, [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }], {
              labels: { 'x/support': 'true' },
            }),
          ],
        }),
    },
    {
      name: 'wildcard role in a provider namespace is excluded',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () =>
        exampleFacts({
          kinds: ['ClusterRole'],
          objects: [
            roleObject('addon', 'kube-system', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
          ],
        }),
    },
    { name: 'roles not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
