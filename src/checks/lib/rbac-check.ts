// Factory for "who can do X" RBAC checks: lists every subject, the role and the binding that grant it.
import type { Check, CheckExample, CheckParameters, Evidence, Offender } from '../../model/check.js';
import type { Facts, KubeObject } from '../../model/facts.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';
import { exampleFacts } from './example-facts.js';
import { exclusionNote } from './exclusion.js';
import { kubeEvidence, missingReason, shortList } from './index.js';
import { fail, manual, pass } from './outcome.js';
import {
  grantField,
  isBroadSubject,
  isDefaultServiceAccount,
  missingRbacKinds,
  RBAC_KINDS,
  rbacIndex,
  subjectLabel,
  whoCan,
  type Grant,
  type PermissionQuery,
} from './rbac.js';

export interface WhoCanSpec {
  id: string;
  title: Text;
  remediation: Text;
  examples: CheckExample[];
  query: PermissionQuery;
  /** The permission in words, as a verb phrase: t('读取 Secret', 'read Secrets'). */
  ability: Text;
}

export function grantOffender(grant: Grant): Offender {
  return {
    kind: grant.binding.kind,
    ...(grant.binding.namespace ? { namespace: grant.binding.namespace } : {}),
    name: grant.binding.name,
    field: grantField(grant),
    value: subjectLabel(grant.subject),
  };
}

/** Shared evidence: how many grants were found and how many were Kubernetes' or the provider's own. */
export function rbacEvidence(facts: Facts, path: string, grants: Grant[], expected: string): Evidence {
  const user = grants.filter((g) => g.origin === 'user').length;
  const builtIn = grants.filter((g) => g.origin === 'built-in').length;
  const provider = grants.filter((g) => g.origin === 'provider').length;
  const index = rbacIndex(facts);
  const unresolved =
    index.unresolved.length > 0 ? `; ${index.unresolved.length} binding(s) name a role not in the facts` : '';
  return kubeEvidence(
    facts,
    'ClusterRoleBinding',
    path,
    `${user} grant(s) to subjects outside Kubernetes defaults; ${builtIn} built-in and ${provider} provider grant(s) excluded; ${index.bindings.length} bindings examined${unresolved}`,
    expected,
  );
}

/**
 * The verdict is tiered. Nobody should hold the permission through a broad group (all authenticated
 * users, all service accounts, anonymous) or a namespace's `default` service account: fail. Named users,
 * groups and service accounts may need it: manual, with each listed for a person to confirm. Only
 * Kubernetes' own grants: pass.
 */
export function defineWhoCanCheck(spec: WhoCanSpec): Check {
  return {
    id: spec.id,
    title: spec.title,
    component: 'rbac',
    needs: [
      'kubernetes:Role',
      'kubernetes:ClusterRole',
      'kubernetes:RoleBinding',
      'kubernetes:ClusterRoleBinding',
    ],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts, params }) {
      const missing = missingRbacKinds(facts);
      const grants = whoCan(facts, spec.query, params);
      const user = grants.filter((g) => g.origin === 'user');
      const offenders = user.map(grantOffender);
      const severe = user.filter((g) => isBroadSubject(g.subject) || isDefaultServiceAccount(g.subject));
      const evidence = [
        rbacEvidence(
          facts,
          `kubernetes:rbac who can ${spec.ability.en}`,
          grants,
          'only Kubernetes built-in subjects; never broad groups or default service accounts',
        ),
      ];
      const subjects = new Set(user.map((g) => subjectLabel(g.subject))).size;
      if (severe.length > 0) {
        const names = [...new Set(severe.map((g) => subjectLabel(g.subject)))].join(', ');
        return fail(
          t(
            `广泛的组或 default 服务账户可以${spec.ability.zh}：${names}`,
            `Broad groups or default service accounts can ${spec.ability.en}: ${names}`,
          ),
          evidence,
          offenders,
        );
      }
      if (missing.length > 0) return manual(missingReason(missing), evidence, offenders);
      if (user.length > 0) {
        return manual(
          withExclusion(
            t(
              `${subjects} 个非内置主体可以${spec.ability.zh}（见违规对象列表），请逐一确认是否必要`,
              `${subjects} subject(s) outside Kubernetes defaults can ${spec.ability.en} (listed); a person must confirm each is needed`,
            ),
            grants,
            params,
          ),
          evidence,
          offenders,
        );
      }
      return pass(
        withExclusion(
          t(
            `只有 Kubernetes 内置主体可以${spec.ability.zh}`,
            `Only Kubernetes built-in subjects can ${spec.ability.en}`,
          ),
          grants,
          params,
        ),
        evidence,
      );
    },
  };
}

/** Appends the profile's reason when grants in the namespaces it sets aside were left out of the verdict. */
function withExclusion(text: Text, grants: Grant[], params: CheckParameters): Text {
  const provider = grants.filter((g) => g.origin === 'provider').length;
  if (provider === 0) return text;
  const note = exclusionNote(
    `${provider} 项授权`,
    `${provider} grant(s)`,
    shortList(params.systemNamespaces),
    params,
  );
  return { zh: `${text.zh}；${note.zh}`, en: `${text.en}; ${note.en}` };
}

/** Example facts with every RBAC kind collected, so a pass example is not short of facts. */
export function rbacExample(objects: KubeObject[]): Facts {
  return exampleFacts({ kinds: [...RBAC_KINDS], objects });
}
