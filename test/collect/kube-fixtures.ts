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
