// Builds small Facts for the pass and fail examples that sit beside each check.
import type { DiagnosticSetting, Facts, JsonObject, KubeObject, NodeFacts, NodeFile } from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';

export const EXAMPLE_TIME = '2026-01-01T00:00:00Z';

export interface ExampleInput {
  objects?: KubeObject[];
  /** Kinds collected even though no object of that kind exists. */
  kinds?: string[];
  nodes?: { name: string; files?: Record<string, Partial<NodeFile>>; processes?: Record<string, string[]>; roles?: string[] }[];
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
      files: Object.fromEntries(Object.entries(node.files ?? {}).map(([p, f]) => [p, { exists: true, ...f }])),
      processes: Object.fromEntries(Object.entries(node.processes ?? {}).map(([name, argv]) => [name, { argv }])),
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
  for (const [node, config] of Object.entries(input.configz ?? {})) facts.kubernetes.configz.set(node, config);
  facts.gaps.push(...(input.gaps ?? []));
  return facts;
}

/** A minimal object of any kind. */
export function kubeObject(kind: string, name: string, namespace: string | undefined, body: JsonObject = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...body };
}

/** A pod with the given containers (each a partial container spec). */
export function pod(name: string, namespace: string, containers: JsonObject[], spec: JsonObject = {}): KubeObject {
  return kubeObject('Pod', name, namespace, {
    spec: { containers: containers.map((c, i) => ({ name: `c${i}`, image: 'registry.example/app:1.0', ...c })), ...spec },
  });
}
