// Kubernetes kinds the tool knows, with the plural resource names kubectl and file names use.
export const KIND_BY_RESOURCE: Record<string, string> = {
  pods: 'Pod',
  nodes: 'Node',
  namespaces: 'Namespace',
  serviceaccounts: 'ServiceAccount',
  secrets: 'Secret',
  configmaps: 'ConfigMap',
  services: 'Service',
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  replicasets: 'ReplicaSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
  roles: 'Role',
  rolebindings: 'RoleBinding',
  clusterroles: 'ClusterRole',
  clusterrolebindings: 'ClusterRoleBinding',
  networkpolicies: 'NetworkPolicy',
  resourcequotas: 'ResourceQuota',
  limitranges: 'LimitRange',
  validatingwebhookconfigurations: 'ValidatingWebhookConfiguration',
  mutatingwebhookconfigurations: 'MutatingWebhookConfiguration',
  customresourcedefinitions: 'CustomResourceDefinition',
  podsecuritypolicies: 'PodSecurityPolicy',
  persistentvolumes: 'PersistentVolume',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  ingresses: 'Ingress',
  storageclasses: 'StorageClass',
  validatingadmissionpolicies: 'ValidatingAdmissionPolicy',
  validatingadmissionpolicybindings: 'ValidatingAdmissionPolicyBinding',
};

/** Workload kinds whose pod templates the workload checks read, with the path to the pod spec. */
export const POD_TEMPLATE_PATHS: Record<string, string[]> = {
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** `pods`, `pods.json`, `02-pods.yaml`, `Pod` → `Pod`; undefined when the name says no kind. */
export function kindFromName(name: string): string | undefined {
  const stem = name.replace(/\.(json|ya?ml)$/i, '').toLowerCase();
  const words = stem.split(/[^a-z]+/).filter(Boolean);
  const last = words[words.length - 1];
  if (!last) return undefined;
  if (KIND_BY_RESOURCE[last]) return KIND_BY_RESOURCE[last];
  return Object.values(KIND_BY_RESOURCE).find((kind) => kind.toLowerCase() === last);
}
