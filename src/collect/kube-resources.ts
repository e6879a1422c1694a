// The Kubernetes resources `collect` lists, with their API paths; file names follow the resource (pods.json).

export interface KubeResource {
  kind: string;
  /** Plural resource name: also the file name (kubernetes/<plural>.json), which the snapshot loader maps back to the kind. */
  plural: string;
  /** API group version path: `/api/v1` or `/apis/<group>/<version>`. */
  groupPath: string;
  /** apiVersion written on each item, since the API server leaves it off list items. */
  apiVersion: string;
  /** Secrets: ask for metadata only, so no Secret value ever crosses the wire. */
  metadataOnly?: boolean;
  /** When the cluster-wide list is refused (403), list these namespaces instead and record the kind as partial. */
  fallbackNamespaces?: string[];
}

const core = (kind: string, plural: string): KubeResource => ({
  kind,
  plural,
  groupPath: '/api/v1',
  apiVersion: 'v1',
});
const group = (kind: string, plural: string, apiVersion: string): KubeResource => ({
  kind,
  plural,
  groupPath: `/apis/${apiVersion}`,
  apiVersion,
});

export const KUBE_RESOURCES: KubeResource[] = [
  core('Namespace', 'namespaces'),
  core('Node', 'nodes'),
  // kube-system alone still gives the control-plane static pods (kubeadm's API server flags) to a restricted reader.
  { ...core('Pod', 'pods'), fallbackNamespaces: ['kube-system'] },
  core('ServiceAccount', 'serviceaccounts'),
  { ...core('Secret', 'secrets'), metadataOnly: true },
  core('Service', 'services'),
  core('ResourceQuota', 'resourcequotas'),
  core('LimitRange', 'limitranges'),
  group('Role', 'roles', 'rbac.authorization.k8s.io/v1'),
  group('RoleBinding', 'rolebindings', 'rbac.authorization.k8s.io/v1'),
  group('ClusterRole', 'clusterroles', 'rbac.authorization.k8s.io/v1'),
  group('ClusterRoleBinding', 'clusterrolebindings', 'rbac.authorization.k8s.io/v1'),
  group('NetworkPolicy', 'networkpolicies', 'networking.k8s.io/v1'),
  group('Deployment', 'deployments', 'apps/v1'),
  group('StatefulSet', 'statefulsets', 'apps/v1'),
  group('DaemonSet', 'daemonsets', 'apps/v1'),
  group('ReplicaSet', 'replicasets', 'apps/v1'),
  group('Job', 'jobs', 'batch/v1'),
  group('CronJob', 'cronjobs', 'batch/v1'),
  group(
    'ValidatingWebhookConfiguration',
    'validatingwebhookconfigurations',
    'admissionregistration.k8s.io/v1',
  ),
  group('MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', 'admissionregistration.k8s.io/v1'),
  group('CustomResourceDefinition', 'customresourcedefinitions', 'apiextensions.k8s.io/v1'),
];

/** The same resource listed in one namespace: /api/v1/namespaces/NS/pods. */
export function inNamespace(resource: KubeResource, namespace: string): KubeResource {
  return { ...resource, groupPath: `${resource.groupPath}/namespaces/${encodeURIComponent(namespace)}` };
}

/** Accept header for metadata-only lists (PartialObjectMetadataList): the server leaves out `data`. */
// No plain-JSON fallback on purpose: a server that cannot answer with metadata only must refuse (406), not send values.
export const METADATA_ONLY_ACCEPT = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io';
