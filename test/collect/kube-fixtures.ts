// Real-shaped Kubernetes objects for the collect tests, with secret values and env values that must never be stored.

export const SECRET_VALUE = 'c3VwZXItc2VjcmV0LXBhc3N3b3Jk'; // base64 of a password: must never reach the snapshot
export const ENV_VALUE = 'postgres://admin:hunter2@db:5432/payments';
export const LAST_APPLIED_MARKER = 'last-applied-marker-value';

export function namespace(name: string, enforce?: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: `ns-${name}`,
      labels: {
        'kubernetes.io/metadata.name': name,
        ...(enforce ? { 'pod-security.kubernetes.io/enforce': enforce } : {}),
      },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function pod(
  namespace: string,
  name: string,
  extra: { privileged?: boolean; env?: boolean; node?: string } = {},
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `pod-${namespace}-${name}`,
      labels: { app: name },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': `{"spec":{"note":"${LAST_APPLIED_MARKER}"}}`,
      },
    },
    spec: {
      nodeName: extra.node ?? 'node-a',
      serviceAccountName: 'default',
      containers: [
        {
          name: 'app',
          image: `registry.example/${name}:1.0`,
          ...(extra.env
            ? {
                env: [
                  { name: 'DATABASE_URL', value: ENV_VALUE },
                  { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
                ],
              }
            : {}),
          securityContext: extra.privileged
            ? { privileged: true }
            : { runAsNonRoot: true, allowPrivilegeEscalation: false },
        },
      ],
    },
    status: { phase: 'Running' },
  };
}

export function secret(namespace: string, name: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace,
      uid: `secret-${name}`,
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': `{"data":{"password":"${SECRET_VALUE}"}}`,
      },
    },
    type: 'Opaque',
    data: { password: SECRET_VALUE },
  };
}

export function node(name: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `node-${name}`, labels: { 'kubernetes.io/hostname': name } },
    spec: { providerID: `kind://${name}` },
    status: { nodeInfo: { kubeletVersion: 'v1.30.6' } },
  };
}

export function clusterRoleBinding(name: string, role: string, subject: string): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name, uid: `crb-${name}` },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: subject }],
  };
}

export function deployment(namespace: string, name: string): Record<string, unknown> {
  const template = pod(namespace, name, { env: true });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, uid: `deploy-${name}` },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: template.spec },
    },
  };
}

export const KUBELET_CONFIG = {
  kind: 'KubeletConfiguration',
  apiVersion: 'kubelet.config.k8s.io/v1beta1',
  authentication: {
    anonymous: { enabled: false },
    webhook: { enabled: true },
    x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' },
  },
  authorization: { mode: 'Webhook' },
  readOnlyPort: 0,
  protectKernelDefaults: true,
};

const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };

/** What every real API server holds before anyone deploys anything, per plural (see src/facts/built-ins.ts). */
export function builtInObjects(): Record<string, Record<string, unknown>[]> {
  const rbac = (kind: string, name: string, namespace?: string, body: Record<string, unknown> = {}) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: {
      name,
      uid: `${kind}-${namespace ?? ''}-${name}`,
      labels: BOOTSTRAP,
      ...(namespace ? { namespace } : {}),
    },
    ...body,
  });
  const adminRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' };
  const serviceAccount = (ns: string) => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'default', namespace: ns, uid: `sa-${ns}-default` },
  });
  return {
    namespaces: ['default', 'kube-system', 'kube-public', 'kube-node-lease'].map((n) => namespace(n)),
    clusterroles: [
      rbac('ClusterRole', 'cluster-admin', undefined, {
        rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
      }),
    ],
    clusterrolebindings: [
      rbac('ClusterRoleBinding', 'cluster-admin', undefined, {
        roleRef: adminRef,
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }],
      }),
    ],
    roles: [
      rbac('Role', 'extension-apiserver-authentication-reader', 'kube-system', {
        rules: [
          {
            apiGroups: [''],
            resources: ['configmaps'],
            resourceNames: ['extension-apiserver-authentication'],
            verbs: ['get', 'list', 'watch'],
          },
        ],
      }),
    ],
    rolebindings: [
      rbac('RoleBinding', 'system::extension-apiserver-authentication-reader', 'kube-system', {
        roleRef: { ...adminRef, kind: 'Role', name: 'extension-apiserver-authentication-reader' },
        subjects: [
          { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'system:kube-controller-manager' },
        ],
      }),
    ],
    serviceaccounts: [serviceAccount('default'), serviceAccount('kube-system')],
    services: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kubernetes', namespace: 'default', uid: 'svc-kubernetes' },
        spec: { type: 'ClusterIP', ports: [{ name: 'https', port: 443, targetPort: 6443 }] },
      },
    ],
    pods: [pod('kube-system', 'coredns-5d78c9869d-x7k2p')],
  };
}

/** The objects of a test cluster together with the built-ins, so collected lists read as a real server's. */
export function withBuiltIns(
  objects: Record<string, Record<string, unknown>[]>,
): Record<string, Record<string, unknown>[]> {
  const merged = builtInObjects();
  for (const [plural, items] of Object.entries(objects)) {
    const names = new Set(
      items.map((i) =>
        JSON.stringify([
          (i.metadata as { namespace?: string }).namespace,
          (i.metadata as { name: string }).name,
        ]),
      ),
    );
    const kept = (merged[plural] ?? []).filter(
      (i) =>
        !names.has(
          JSON.stringify([
            (i.metadata as { namespace?: string }).namespace,
            (i.metadata as { name: string }).name,
          ]),
        ),
    );
    merged[plural] = [...kept, ...items];
  }
  return merged;
}
