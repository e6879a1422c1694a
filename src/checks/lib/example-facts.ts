// Builds small Facts for the pass and fail examples that sit beside each check.
import type {
  DiagnosticSetting,
  Facts,
  JsonObject,
  KubeObject,
  NodeFacts,
  NodeFile,
} from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';

export const EXAMPLE_TIME = '2026-01-01T00:00:00Z';

export interface ExampleInput {
  objects?: KubeObject[];
  /** Kinds collected even though no object of that kind exists. */
  kinds?: string[];
  nodes?: {
    name: string;
    files?: Record<string, Partial<NodeFile>>;
    processes?: Record<string, string[]>;
    roles?: string[];
  }[];
  managedCluster?: JsonObject;
  diagnosticSettings?: DiagnosticSetting[];
  configz?: Record<string, JsonObject>;
  gaps?: Facts['gaps'];
}

export function exampleFacts(input: ExampleInput = {}): Facts {
  const facts = emptyFacts('example', EXAMPLE_TIME);
  for (const object of input.objects ?? []) {
    const list = facts.kubernetes.objects.get(object.kind) ?? [];
    list.push(object);
    facts.kubernetes.objects.set(object.kind, list);
    facts.kubernetes.collectedKinds.add(object.kind);
    facts.origins.set(`kubernetes:${object.kind}`, { source: 'kubernetes-api', time: EXAMPLE_TIME });
  }
  for (const kind of input.kinds ?? []) facts.kubernetes.collectedKinds.add(kind);
  for (const node of input.nodes ?? []) {
    const facts_: NodeFacts = {
      node: node.name,
      collectedAt: EXAMPLE_TIME,
      roles: node.roles,
      files: Object.fromEntries(
        Object.entries(node.files ?? {}).map(([p, f]) => [p, { exists: true, ...f }]),
      ),
      processes: Object.fromEntries(
        Object.entries(node.processes ?? {}).map(([name, argv]) => [name, { argv }]),
      ),
    };
    facts.nodes.set(node.name, facts_);
    facts.origins.set(`node:${node.name}`, { source: 'node', time: EXAMPLE_TIME });
  }
  if (input.managedCluster) {
    facts.azure.managedCluster = input.managedCluster;
    facts.origins.set('azure:managedCluster', { source: 'azure-arm', time: EXAMPLE_TIME });
  }
  if (input.diagnosticSettings) {
    facts.azure.diagnosticSettings = input.diagnosticSettings;
    facts.origins.set('azure:diagnosticSettings', { source: 'azure-arm', time: EXAMPLE_TIME });
  }
  for (const [node, config] of Object.entries(input.configz ?? {}))
    facts.kubernetes.configz.set(node, config);
  facts.gaps.push(...(input.gaps ?? []));
  return facts;
}

/** A minimal object of any kind. */
export function kubeObject(
  kind: string,
  name: string,
  namespace: string | undefined,
  body: JsonObject = {},
): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...body };
}

/** A pod with the given containers (each a partial container spec). */
export function pod(
  name: string,
  namespace: string,
  containers: JsonObject[],
  spec: JsonObject = {},
): KubeObject {
  return kubeObject('Pod', name, namespace, {
    spec: {
      containers: containers.map((c, i) => ({ name: `c${i}`, image: 'registry.example/app:1.0', ...c })),
      ...spec,
    },
  });
}

/** Default kubelet config file path of the examples (the kubeletConfig path parameter of the tests). */
export const EXAMPLE_KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';

/**
 * One node's kubelet: `args` are the command-line flags (the process is recorded only when `args` or
 * `configFile` is given), `configFile` the parsed config file (adds `--config`), `configz` the node's
 * /configz answer. Node name `worker`.
 */
export function kubeletExample(input: {
  args?: string[];
  configFile?: JsonObject;
  configz?: JsonObject;
  files?: Record<string, Partial<NodeFile>>;
}): Facts {
  const hasProcess = input.args !== undefined || input.configFile !== undefined;
  const argv = [
    '/usr/bin/kubelet',
    ...(input.configFile ? [`--config=${EXAMPLE_KUBELET_CONFIG}`] : []),
    ...(input.args ?? []),
  ];
  const files: Record<string, Partial<NodeFile>> = { ...input.files };
  if (input.configFile)
    files[EXAMPLE_KUBELET_CONFIG] = {
      type: 'file',
      mode: '0600',
      owner: 'root',
      group: 'root',
      content: input.configFile,
    };
  return exampleFacts({
    nodes:
      hasProcess || input.files
        ? [{ name: 'worker', processes: hasProcess ? { kubelet: argv } : {}, files }]
        : [],
    configz: input.configz ? { worker: input.configz } : undefined,
  });
}

/** A control-plane node running one component with the given flags (argv[0] is the component name). */
export function componentExample(
  component: string,
  args: string[],
  more: Record<string, string[]> = {},
): Facts {
  return exampleFacts({
    nodes: [
      { name: 'cp', roles: ['control-plane'], processes: { [component]: [component, ...args], ...more } },
    ],
  });
}

/** A workload controller (Deployment, DaemonSet, StatefulSet, Job, CronJob) whose pod template holds `podSpec`. */
export function workloadObject(
  kind: string,
  name: string,
  namespace: string,
  podSpec: JsonObject,
  templateMeta: JsonObject = {},
): KubeObject {
  const template: JsonObject = { metadata: templateMeta, spec: podSpec };
  const spec: JsonObject =
    kind === 'CronJob' ? { schedule: '0 * * * *', jobTemplate: { spec: { template } } } : { template };
  return {
    apiVersion: kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1',
    kind,
    metadata: { name, namespace },
    spec,
  };
}

/** A Namespace with labels. */
export function namespaceObject(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
  };
}

/** A Role (namespace given) or ClusterRole with the given rules; `extra` adds fields such as aggregationRule. */
export function roleObject(
  name: string,
  namespace: string | undefined,
  rules: JsonObject[],
  extra: { labels?: Record<string, string>; body?: JsonObject } = {},
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: namespace ? 'Role' : 'ClusterRole',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(extra.labels ? { labels: extra.labels } : {}),
    },
    rules,
    ...extra.body,
  };
}

/** A RoleBinding (namespace given) or ClusterRoleBinding to `roleRef` ("ClusterRole/name" or "Role/name"). */
export function bindingObject(
  name: string,
  namespace: string | undefined,
  roleRef: string,
  subjects: JsonObject[],
  labels?: Record<string, string>,
): KubeObject {
  const [kind, ...rest] = roleRef.split('/');
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: namespace ? 'RoleBinding' : 'ClusterRoleBinding',
    metadata: { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: kind ?? 'ClusterRole', name: rest.join('/') },
    subjects,
  };
}
