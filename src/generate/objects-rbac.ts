// RBAC objects: the built-in roles and bindings, then team Roles and bindings with planted wildcards and cluster-admin grants.
import type { JsonObject, JsonValue } from '../model/facts.js';
import type { ClusterPlan } from './plan.js';
import { Prng } from './prng.js';
import { daysAgo } from './time.js';

const API = 'rbac.authorization.k8s.io/v1';
const GROUP = 'rbac.authorization.k8s.io';

const CONTROLLERS = [
  'attachdetach-controller',
  'certificate-controller',
  'clusterrole-aggregation-controller',
  'cronjob-controller',
  'daemon-set-controller',
  'deployment-controller',
  'disruption-controller',
  'endpoint-controller',
  'endpointslice-controller',
  'ephemeral-volume-controller',
  'expand-controller',
  'generic-garbage-collector',
  'horizontal-pod-autoscaler',
  'job-controller',
  'namespace-controller',
  'node-controller',
  'persistent-volume-binder',
  'pod-garbage-collector',
  'pv-protection-controller',
  'pvc-protection-controller',
  'replicaset-controller',
  'replication-controller',
  'resourcequota-controller',
  'root-ca-cert-publisher',
  'route-controller',
  'service-account-controller',
  'service-controller',
  'statefulset-controller',
  'ttl-after-finished-controller',
  'ttl-controller',
];
const BUILTIN_ROLES = [
  'admin',
  'edit',
  'view',
  'system:aggregate-to-admin',
  'system:aggregate-to-edit',
  'system:aggregate-to-view',
  'system:auth-delegator',
  'system:basic-user',
  'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
  'system:discovery',
  'system:heapster',
  'system:kube-aggregator',
  'system:kube-controller-manager',
  'system:kube-dns',
  'system:kube-scheduler',
  'system:kubelet-api-admin',
  'system:monitoring',
  'system:node',
  'system:node-bootstrapper',
  'system:node-problem-detector',
  'system:node-proxier',
  'system:persistent-volume-provisioner',
  'system:public-info-viewer',
  'system:service-account-issuer-discovery',
  'system:volume-scheduler',
  ...CONTROLLERS.map((c) => `system:controller:${c}`),
];
const BUILTIN_BINDINGS = [
  'system:basic-user',
  'system:discovery',
  'system:kube-controller-manager',
  'system:kube-dns',
  'system:kube-scheduler',
  'system:monitoring',
  'system:node',
  'system:node-proxier',
  'system:public-info-viewer',
  'system:service-account-issuer-discovery',
  'system:volume-scheduler',
  ...CONTROLLERS.map((c) => `system:controller:${c}`),
];
const ROLE_PURPOSES = [
  'deployer',
  'reader',
  'config-editor',
  'secret-reader',
  'job-runner',
  'debugger',
  'operator',
  'autoscaler',
  'migrator',
  'auditor',
];

interface Split {
  clusterRoles: number;
  clusterRoleBindings: number;
  roles: number;
  roleBindings: number;
}

/** How the requested RBAC count divides: built-ins first, the rest mostly namespaced, as in real clusters. */
export function rbacSplit(plan: ClusterPlan): Split {
  const builtin = BUILTIN_ROLES.length + 1 + BUILTIN_BINDINGS.length + 1 + 2 * KUBE_SYSTEM_ROLES.length;
  const left = Math.max(0, plan.options.rbac - builtin);
  const clusterRoles = Math.round(left * 0.12);
  const clusterRoleBindings = Math.round(left * 0.1);
  const roles = Math.round(left * 0.33);
  return {
    clusterRoles,
    clusterRoleBindings,
    roles,
    roleBindings: left - clusterRoles - clusterRoleBindings - roles,
  };
}

const rule = (apiGroups: string[], resources: string[], verbs: string[]): JsonObject => ({
  apiGroups,
  resources,
  verbs,
});

function ruleSet(purpose: string, rng: Prng): JsonValue[] {
  // A few percent of custom roles use wildcards: the finding auditors most often ask about.
  if (rng.chance(0.04)) return [rule(['*'], ['*'], ['*'])];
  if (rng.chance(0.03))
    return [rule(['', 'apps'], ['*'], ['get', 'list', 'watch', 'create', 'update', 'patch'])];
  switch (purpose) {
    case 'secret-reader':
      return [rule([''], ['secrets'], ['get', 'list', 'watch'])];
    case 'debugger':
      return [
        rule([''], ['pods', 'pods/log'], ['get', 'list']),
        rule([''], ['pods/exec', 'pods/portforward'], ['create']),
      ];
    case 'deployer':
      return [
        rule(
          ['apps'],
          ['deployments', 'statefulsets', 'replicasets'],
          ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
        ),
        rule([''], ['services', 'configmaps'], ['get', 'list', 'create', 'update', 'patch']),
      ];
    case 'job-runner':
      return [rule(['batch'], ['jobs', 'cronjobs'], ['get', 'list', 'create', 'delete'])];
    case 'config-editor':
      return [rule([''], ['configmaps'], ['get', 'list', 'update', 'patch'])];
    case 'operator':
      return [
        rule(
          ['', 'apps'],
          ['pods', 'deployments', 'deployments/scale'],
          ['get', 'list', 'watch', 'update', 'patch'],
        ),
        ...(rng.chance(0.2) ? [rule(['*'], ['*'], ['get', 'list', 'watch'])] : []),
      ];
    default:
      return [
        rule(['', 'apps', 'batch'], ['pods', 'services', 'deployments', 'jobs'], ['get', 'list', 'watch']),
      ];
  }
}

function named(list: readonly string[], k: number): string {
  return list[k % list.length]! + (k >= list.length ? `-${Math.floor(k / list.length) + 1}` : '');
}

export function* clusterRoles(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/clusterroles`);
  const meta = (name: string, builtin: boolean): JsonObject => ({
    name,
    uid: rng.uuid(),
    creationTimestamp: daysAgo(builtin ? 400 : rng.range(1, 400)),
    ...(builtin ? { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } } : {}),
  });
  yield {
    apiVersion: API,
    kind: 'ClusterRole',
    metadata: meta('cluster-admin', true),
    rules: [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }],
  };
  for (const name of BUILTIN_ROLES)
    yield {
      apiVersion: API,
      kind: 'ClusterRole',
      metadata: meta(name, true),
      rules: [rule([''], ['pods', 'services', 'endpoints'], ['get', 'list', 'watch'])],
    };
  const { clusterRoles: count } = rbacSplit(plan);
  for (let i = 0; i < count; i++) {
    const purpose = ROLE_PURPOSES[i % ROLE_PURPOSES.length]!;
    yield {
      apiVersion: API,
      kind: 'ClusterRole',
      metadata: meta(`platform:${named(ROLE_PURPOSES, i)}`, false),
      rules: ruleSet(purpose, rng),
    };
  }
}

export function* clusterRoleBindings(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/clusterrolebindings`);
  const meta = (name: string, builtin: boolean): JsonObject => ({
    name,
    uid: rng.uuid(),
    creationTimestamp: daysAgo(builtin ? 400 : rng.range(1, 400)),
    ...(builtin ? { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } } : {}),
  });
  const binding = (name: string, role: string, subjects: JsonValue[], builtin = false): JsonObject => ({
    apiVersion: API,
    kind: 'ClusterRoleBinding',
    metadata: meta(name, builtin),
    roleRef: { apiGroup: GROUP, kind: 'ClusterRole', name: role },
    subjects,
  });
  yield binding(
    'cluster-admin',
    'cluster-admin',
    [{ apiGroup: GROUP, kind: 'Group', name: 'system:masters' }],
    true,
  );
  for (const name of BUILTIN_BINDINGS) {
    const subject: JsonObject = name.startsWith('system:controller:')
      ? { kind: 'ServiceAccount', name: name.slice('system:controller:'.length), namespace: 'kube-system' }
      : {
          apiGroup: GROUP,
          kind: 'Group',
          name: `system:${name === 'system:node' ? 'nodes' : 'authenticated'}`,
        };
    yield binding(name, name, [subject], true);
  }
  const { clusterRoleBindings: count, clusterRoles: roles } = rbacSplit(plan);
  const apps = plan.namespaces.filter((ns) => !ns.system);
  // About 5 % of custom bindings grant cluster-admin: to people, groups, CI accounts or a workload's service account.
  const admins = Math.max(3, Math.round(count * 0.05));
  for (let i = 0; i < count; i++) {
    if (i < admins) {
      const pick = i % 4;
      const ns = apps[i % apps.length]!;
      const subject: JsonObject =
        pick === 0
          ? { apiGroup: GROUP, kind: 'User', name: `${plan.people[i % plan.people.length]}@example.com` }
          : pick === 1
            ? { apiGroup: GROUP, kind: 'Group', name: rng.uuid() }
            : pick === 2
              ? { kind: 'ServiceAccount', name: 'ci-deployer', namespace: ns.name }
              : { kind: 'ServiceAccount', name: 'default', namespace: ns.name };
      yield binding(`cluster-admin-${i + 1}`, 'cluster-admin', [subject]);
      continue;
    }
    const role =
      roles > 0 && rng.chance(0.7)
        ? `platform:${named(ROLE_PURPOSES, rng.int(roles))}`
        : rng.pick(['view', 'edit', 'system:auth-delegator']);
    yield binding(`platform-binding-${i + 1}`, role, [{ apiGroup: GROUP, kind: 'Group', name: rng.uuid() }]);
  }
}

/** The Roles the API server's RBAC bootstrap keeps in kube-system, with the bindings it makes for them. */
const KUBE_SYSTEM_ROLES: readonly { name: string; subject: JsonObject; rules: JsonObject[] }[] = [
  {
    name: 'extension-apiserver-authentication-reader',
    subject: { apiGroup: GROUP, kind: 'User', name: 'system:kube-controller-manager' },
    rules: [
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['extension-apiserver-authentication'],
        verbs: ['get', 'list', 'watch'],
      },
    ],
  },
  {
    name: 'system::leader-locking-kube-scheduler',
    subject: { apiGroup: GROUP, kind: 'User', name: 'system:kube-scheduler' },
    rules: [
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['kube-scheduler'],
        verbs: ['watch', 'get', 'update'],
      },
    ],
  },
  {
    name: 'system:controller:bootstrap-signer',
    subject: { kind: 'ServiceAccount', name: 'bootstrap-signer', namespace: 'kube-system' },
    rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] }],
  },
];

function kubeSystemMeta(rng: Prng, name: string): JsonObject {
  return {
    name,
    namespace: 'kube-system',
    uid: rng.uuid(),
    creationTimestamp: daysAgo(400),
    labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
  };
}

export function* roles(plan: ClusterPlan): Generator<JsonObject> {
  // A separate stream, so the customer roles below stay the same for a given seed.
  const builtIns = new Prng(`${plan.options.seed}/kube-system-roles`);
  for (const role of KUBE_SYSTEM_ROLES)
    yield { apiVersion: API, kind: 'Role', metadata: kubeSystemMeta(builtIns, role.name), rules: role.rules };
  const rng = new Prng(`${plan.options.seed}/roles`);
  const apps = plan.namespaces.filter((ns) => !ns.system);
  const { roles: count } = rbacSplit(plan);
  for (let i = 0; i < count; i++) {
    const ns = apps[i % apps.length]!;
    const k = Math.floor(i / apps.length);
    yield {
      apiVersion: API,
      kind: 'Role',
      metadata: {
        name: named(ROLE_PURPOSES, k),
        namespace: ns.name,
        uid: rng.uuid(),
        creationTimestamp: daysAgo(rng.range(1, 400)),
      },
      rules: ruleSet(ROLE_PURPOSES[k % ROLE_PURPOSES.length]!, rng),
    };
  }
}

export function* roleBindings(plan: ClusterPlan): Generator<JsonObject> {
  const builtIns = new Prng(`${plan.options.seed}/kube-system-rolebindings`);
  for (const role of KUBE_SYSTEM_ROLES)
    yield {
      apiVersion: API,
      kind: 'RoleBinding',
      metadata: kubeSystemMeta(
        builtIns,
        role.name.startsWith('system:') ? role.name : `system::${role.name}`,
      ),
      roleRef: { apiGroup: GROUP, kind: 'Role', name: role.name },
      subjects: [role.subject],
    };
  const rng = new Prng(`${plan.options.seed}/rolebindings`);
  const apps = plan.namespaces.filter((ns) => !ns.system);
  const { roles: roleCount, roleBindings: count } = rbacSplit(plan);
  for (let j = 0; j < count; j++) {
    const index = j % apps.length;
    const ns = apps[index]!;
    const k = Math.floor(j / apps.length);
    const rolesHere = index < roleCount ? Math.floor((roleCount - 1 - index) / apps.length) + 1 : 0;
    const roleRef =
      k < rolesHere
        ? { apiGroup: GROUP, kind: 'Role', name: named(ROLE_PURPOSES, k) }
        : { apiGroup: GROUP, kind: 'ClusterRole', name: rng.pick(['edit', 'view', 'admin']) };
    const who = rng.next();
    const subject: JsonObject =
      who < 0.5
        ? { apiGroup: GROUP, kind: 'Group', name: rng.uuid() }
        : who < 0.8
          ? { apiGroup: GROUP, kind: 'User', name: `${rng.pick(plan.people)}@example.com` }
          : { kind: 'ServiceAccount', name: rng.chance(0.3) ? 'default' : 'ci-deployer', namespace: ns.name };
    yield {
      apiVersion: API,
      kind: 'RoleBinding',
      metadata: {
        name: `${roleRef.name}-binding-${k + 1}`,
        namespace: ns.name,
        uid: rng.uuid(),
        creationTimestamp: daysAgo(rng.range(1, 400)),
      },
      roleRef,
      subjects: [subject],
    };
  }
}
