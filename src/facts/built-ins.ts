// What every real API server holds: a list without these is a partial export, never an empty cluster.
import type { KubeObject } from '../model/facts.js';
import type { Text } from '../model/text.js';

export const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';
export const BOOTSTRAP_VALUE = 'rbac-defaults';

/** Namespaces the API server creates itself. */
export const BUILT_IN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Whether the API server's RBAC bootstrap made this object (it labels every one it makes). */
export function hasBootstrapLabel(object: KubeObject): boolean {
  return object.metadata.labels?.[BOOTSTRAP_LABEL] === BOOTSTRAP_VALUE;
}

/**
 * Per kind, what a complete list from a real API server always holds, as a test and the sentence that says
 * what is missing. Only kinds listed here are checked.
 */
const EXPECTED: Record<string, { holds: (objects: readonly KubeObject[]) => boolean; lacks: Text }> = {
  Namespace: {
    holds: (objects) => {
      const names = new Set(objects.map((o) => o.metadata.name));
      return BUILT_IN_NAMESPACES.every((name) => names.has(name));
    },
    lacks: {
      en: `the built-in namespaces (${BUILT_IN_NAMESPACES.join(', ')})`,
      zh: `内置命名空间（${BUILT_IN_NAMESPACES.join('、')}）`,
    },
  },
  ClusterRole: {
    holds: (objects) => objects.some((o) => o.metadata.name === 'cluster-admin' && hasBootstrapLabel(o)),
    lacks: {
      en: `the built-in ClusterRole cluster-admin (label ${BOOTSTRAP_LABEL}: ${BOOTSTRAP_VALUE})`,
      zh: `内置 ClusterRole cluster-admin（标签 ${BOOTSTRAP_LABEL}: ${BOOTSTRAP_VALUE}）`,
    },
  },
  ClusterRoleBinding: {
    holds: (objects) => objects.some((o) => o.metadata.name === 'cluster-admin' && hasBootstrapLabel(o)),
    lacks: {
      en: `the built-in ClusterRoleBinding cluster-admin (label ${BOOTSTRAP_LABEL}: ${BOOTSTRAP_VALUE})`,
      zh: `内置 ClusterRoleBinding cluster-admin（标签 ${BOOTSTRAP_LABEL}: ${BOOTSTRAP_VALUE}）`,
    },
  },
  Role: {
    holds: (objects) => objects.some((o) => o.metadata.namespace === 'kube-system'),
    lacks: { en: 'the built-in Roles in kube-system', zh: 'kube-system 中的内置 Role' },
  },
  RoleBinding: {
    holds: (objects) => objects.some((o) => o.metadata.namespace === 'kube-system'),
    lacks: { en: 'the built-in RoleBindings in kube-system', zh: 'kube-system 中的内置 RoleBinding' },
  },
  ServiceAccount: {
    holds: (objects) =>
      objects.some((o) => o.metadata.name === 'default' && o.metadata.namespace === 'default') &&
      objects.some((o) => o.metadata.namespace === 'kube-system'),
    lacks: {
      en: 'the ServiceAccounts of default and kube-system',
      zh: 'default 与 kube-system 的 ServiceAccount',
    },
  },
  Service: {
    holds: (objects) =>
      objects.some((o) => o.metadata.name === 'kubernetes' && o.metadata.namespace === 'default'),
    lacks: { en: 'the Service default/kubernetes', zh: 'Service default/kubernetes' },
  },
  Pod: {
    holds: (objects) => objects.some((o) => o.metadata.namespace === 'kube-system'),
    lacks: {
      en: "kube-system's pods (a list of one namespace, or an empty one, is not the cluster's)",
      zh: 'kube-system 的 Pod（单个命名空间的列表或空列表不是整个群集的列表）',
    },
  },
  Node: {
    holds: (objects) => objects.length > 0,
    lacks: { en: 'any node', zh: '任何节点' },
  },
};

/** What the list of `kind` lacks that every real cluster has, or undefined when it holds it all. */
export function missingBuiltIns(kind: string, objects: readonly KubeObject[]): Text | undefined {
  const expected = EXPECTED[kind];
  return expected && !expected.holds(objects) ? expected.lacks : undefined;
}
