// Resolves RBAC once per Facts: bindings → roles (aggregated ClusterRoles included) → rules, and answers "who can do X".
import type { CheckParameters } from '../../model/check.js';
import type { Facts, KubeObject } from '../../model/facts.js';
import { matchesSelector, memo, missingKinds, objectsOf } from './index.js';
import { isObject, strings } from './workloads.js';

export const RBAC_KINDS: readonly string[] = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];

export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  /** Non-resource paths such as /healthz (ClusterRoles only). */
  nonResourceURLs: string[];
}

export interface ResolvedRole {
  kind: 'Role' | 'ClusterRole';
  name: string;
  namespace?: string;
  rules: PolicyRule[];
  /** Created by Kubernetes itself (bootstrapping defaults, `system:` names). */
  builtIn: boolean;
  /** Roles whose rules an aggregationRule pulled in. */
  aggregatedFrom: string[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

export interface Binding {
  object: KubeObject;
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace?: string;
  roleRef: { kind: string; name: string };
  /** Undefined when the referenced role is not among the facts. */
  role?: ResolvedRole;
  subjects: Subject[];
}

export interface RbacIndex {
  bindings: Binding[];
  roles: ResolvedRole[];
  /** Bindings whose role could not be found (a dangling roleRef, or a role kind not collected). */
  unresolved: Binding[];
}

const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';
export const ADDON_MANAGER_LABEL = 'addonmanager.kubernetes.io/mode';

function rulesOf(object: KubeObject): PolicyRule[] {
  const rules = Array.isArray(object.rules) ? object.rules : [];
  return rules.filter(isObject).map((r) => ({
    verbs: strings(r.verbs),
    apiGroups: strings(r.apiGroups),
    resources: strings(r.resources),
    resourceNames: strings(r.resourceNames),
    nonResourceURLs: strings(r.nonResourceURLs),
  }));
}

export function isBuiltInObject(object: KubeObject): boolean {
  return (
    object.metadata.labels?.[BOOTSTRAP_LABEL] === 'rbac-defaults' ||
    object.metadata.name.startsWith('system:')
  );
}

/** Builds the index once per Facts; every RBAC check shares it. */
export function rbacIndex(facts: Facts): RbacIndex {
  return memo(facts, 'rbac:index', () => {
    const clusterRoles = objectsOf(facts, 'ClusterRole');
    const resolvedCluster = new Map<string, ResolvedRole>();

    // Aggregated ClusterRoles: own rules (the controller usually has filled them already) plus the
    // rules of every ClusterRole the selectors match, resolved recursively with a guard against cycles.
    const resolving = new Set<string>();
    const resolveCluster = (object: KubeObject): ResolvedRole => {
      const done = resolvedCluster.get(object.metadata.name);
      if (done) return done;
      const role: ResolvedRole = {
        kind: 'ClusterRole',
        name: object.metadata.name,
        rules: rulesOf(object),
        builtIn: isBuiltInObject(object),
        aggregatedFrom: [],
      };
      const aggregation = object.aggregationRule;
      if (
        isObject(aggregation) &&
        Array.isArray(aggregation.clusterRoleSelectors) &&
        !resolving.has(role.name)
      ) {
        resolving.add(role.name);
        const selectors = aggregation.clusterRoleSelectors;
        const seen = new Set(role.rules.map((r) => JSON.stringify(r)));
        for (const other of clusterRoles) {
          if (other === object) continue;
          const labels = other.metadata.labels ?? {};
          // An empty selector matches nothing in aggregation (the controller ignores it).
          if (!selectors.some((s) => matchesSelector(s, labels, false))) continue;
          role.aggregatedFrom.push(other.metadata.name);
          for (const rule of resolveCluster(other).rules) {
            const key = JSON.stringify(rule);
            if (!seen.has(key)) {
              seen.add(key);
              role.rules.push(rule);
            }
          }
        }
        resolving.delete(role.name);
      }
      resolvedCluster.set(role.name, role);
      return role;
    };
    for (const object of clusterRoles) resolveCluster(object);

    const roles: ResolvedRole[] = [...resolvedCluster.values()];
    const resolvedNamespaced = new Map<string, ResolvedRole>();
    for (const object of objectsOf(facts, 'Role')) {
      const role: ResolvedRole = {
        kind: 'Role',
        name: object.metadata.name,
        namespace: object.metadata.namespace,
        rules: rulesOf(object),
        builtIn: isBuiltInObject(object),
        aggregatedFrom: [],
      };
      resolvedNamespaced.set(`${object.metadata.namespace ?? ''}/${object.metadata.name}`, role);
      roles.push(role);
    }

    const bindings: Binding[] = [];
    const unresolved: Binding[] = [];
    for (const kind of ['ClusterRoleBinding', 'RoleBinding'] as const) {
      for (const object of objectsOf(facts, kind)) {
        const ref = isObject(object.roleRef) ? object.roleRef : {};
        const roleRef = { kind: String(ref.kind ?? ''), name: String(ref.name ?? '') };
        const namespace = kind === 'RoleBinding' ? object.metadata.namespace : undefined;
        // A RoleBinding may name a Role in its own namespace or a ClusterRole; a ClusterRoleBinding only a ClusterRole.
        const role =
          roleRef.kind === 'ClusterRole'
            ? resolvedCluster.get(roleRef.name)
            : roleRef.kind === 'Role' && kind === 'RoleBinding'
              ? resolvedNamespaced.get(`${namespace ?? ''}/${roleRef.name}`)
              : undefined;
        const subjects = (Array.isArray(object.subjects) ? object.subjects.filter(isObject) : []).map(
          (s) => ({
            kind: String(s.kind ?? ''),
            name: String(s.name ?? ''),
            ...(typeof s.namespace === 'string' && s.namespace ? { namespace: s.namespace } : {}),
          }),
        );
        const binding: Binding = {
          object,
          kind,
          name: object.metadata.name,
          ...(namespace ? { namespace } : {}),
          roleRef,
          ...(role ? { role } : {}),
          subjects,
        };
        bindings.push(binding);
        if (!role) unresolved.push(binding);
      }
    }
    return { bindings, roles, unresolved };
  });
}

export function missingRbacKinds(facts: Facts): string[] {
  return missingKinds(facts, RBAC_KINDS);
}

/** `User alice`, `Group devs`, `ServiceAccount shop/api`. */
export function subjectLabel(subject: Subject): string {
  return subject.kind === 'ServiceAccount'
    ? `ServiceAccount ${subject.namespace ?? '?'}/${subject.name}`
    : `${subject.kind} ${subject.name}`;
}

/** Groups (and the anonymous user) that stand for everyone, every service account, or nobody in particular. */
export function isBroadSubject(subject: Subject): boolean {
  if (subject.kind === 'User') return subject.name === 'system:anonymous';
  if (subject.kind !== 'Group') return false;
  return (
    subject.name === 'system:authenticated' ||
    subject.name === 'system:unauthenticated' ||
    subject.name === 'system:serviceaccounts' ||
    subject.name.startsWith('system:serviceaccounts:')
  );
}

export function isDefaultServiceAccount(subject: Subject): boolean {
  return subject.kind === 'ServiceAccount' && subject.name === 'default';
}

export type GrantOrigin = 'built-in' | 'provider' | 'user';

/**
 * Whose grant this is. Kubernetes' own: bootstrapping defaults, `system:` bindings, and `system:` roles
 * given to `system:` identities or kube-system service accounts (kubeadm names such bindings
 * `kubeadm:…`). The provider's: RoleBindings in, or service accounts of, the profile's system namespaces.
 * A grant to a broad group is never excused: nothing Kubernetes creates gives those groups power.
 */
export function grantOrigin(binding: Binding, subject: Subject, params: CheckParameters): GrantOrigin {
  if (isBroadSubject(subject)) return 'user';
  const labels = binding.object.metadata.labels ?? {};
  if (labels[BOOTSTRAP_LABEL] === 'rbac-defaults' || binding.name.startsWith('system:')) return 'built-in';
  const systemIdentity =
    subject.name.startsWith('system:') ||
    (subject.kind === 'ServiceAccount' && subject.namespace === 'kube-system');
  if (systemIdentity && (binding.roleRef.name.startsWith('system:') || binding.name.startsWith('kubeadm:')))
    return 'built-in';
  // Objects the provider's addon manager reconciles (AKS, GKE) are the provider's, whatever their names.
  if (labels[ADDON_MANAGER_LABEL] !== undefined) return 'provider';
  const system = params.systemNamespaces;
  if (binding.namespace && system.includes(binding.namespace)) return 'provider';
  if (subject.kind === 'ServiceAccount' && subject.namespace && system.includes(subject.namespace))
    return 'provider';
  return 'user';
}

/** One permission a check asks about; `verbs` undefined means any verb. */
export interface Permission {
  verbs?: string[];
  group: string;
  /** `secrets`, or with a subresource `nodes/proxy`. */
  resource: string;
  /** Cluster-scoped resources cannot be granted through a RoleBinding. */
  clusterScoped: boolean;
}

export interface PermissionQuery {
  /** Memo key; unique per query. */
  key: string;
  permissions: Permission[];
}

function ruleResourceMatches(ruleResource: string, resource: string): boolean {
  if (ruleResource === '*' || ruleResource === resource) return true;
  // `*/scale` grants the scale subresource of every resource, as the RBAC authorizer reads it.
  const slash = resource.indexOf('/');
  return slash >= 0 && ruleResource === `*${resource.slice(slash)}`;
}

/** What a rule grants of a permission, for the evidence (`get,list secrets`), or undefined. */
function ruleGrants(rule: PolicyRule, permission: Permission): string | undefined {
  if (!rule.apiGroups.some((g) => g === '*' || g === permission.group)) return undefined;
  if (!rule.resources.some((r) => ruleResourceMatches(r, permission.resource))) return undefined;
  const verbs = rule.verbs.includes('*')
    ? ['*']
    : permission.verbs
      ? rule.verbs.filter((v) => permission.verbs!.includes(v))
      : rule.verbs;
  if (verbs.length === 0) return undefined;
  const names = rule.resourceNames.length > 0 ? ` (only ${rule.resourceNames.join(', ')})` : '';
  return `${verbs.join(',')} ${permission.resource}${names}`;
}

/** Everything a role grants of the query, for one binding scope; memoised per query and role. */
function roleGrants(facts: Facts, query: PermissionQuery, role: ResolvedRole, namespaced: boolean): string[] {
  const cache = memo(
    facts,
    `rbac:grants:${query.key}`,
    () => new Map<ResolvedRole, { cluster: string[]; namespaced: string[] }>(),
  );
  let entry = cache.get(role);
  if (!entry) {
    const cluster: string[] = [];
    const inNamespace: string[] = [];
    for (const permission of query.permissions) {
      for (const rule of role.rules) {
        const granted = ruleGrants(rule, permission);
        if (!granted) continue;
        if (!cluster.includes(granted)) cluster.push(granted);
        if (!permission.clusterScoped && !inNamespace.includes(granted)) inNamespace.push(granted);
      }
    }
    entry = { cluster, namespaced: inNamespace };
    cache.set(role, entry);
  }
  return namespaced ? entry.namespaced : entry.cluster;
}

export interface Grant {
  binding: Binding;
  subject: Subject;
  role: ResolvedRole;
  /** `get,list secrets`, `* *`. */
  what: string[];
  origin: GrantOrigin;
}

/** Every (binding, subject) that holds any permission of the query, with whose grant it is. */
export function whoCan(facts: Facts, query: PermissionQuery, params: CheckParameters): Grant[] {
  const grants: Grant[] = [];
  for (const binding of rbacIndex(facts).bindings) {
    if (!binding.role) continue;
    const what = roleGrants(facts, query, binding.role, binding.kind === 'RoleBinding');
    if (what.length === 0) continue;
    for (const subject of binding.subjects)
      grants.push({
        binding,
        subject,
        role: binding.role,
        what,
        origin: grantOrigin(binding, subject, params),
      });
  }
  return grants;
}

/** `grants get,list secrets via ClusterRole x in namespace shop` (the offender's field). */
export function grantField(grant: Grant): string {
  const via = `${grant.role.kind} ${grant.role.name}`;
  const where =
    grant.binding.kind === 'RoleBinding'
      ? ` in namespace ${grant.binding.namespace ?? '?'}`
      : ' cluster-wide';
  return `grants ${grant.what.join('; ')} via ${via}${where}`;
}
