// Finds a component's command line in the facts: node process facts, and kube-system (static) pods for the other nodes.
import type { Facts, FactSource, JsonValue, KubeObject } from '../../model/facts.js';
import { parseFlags, type ParsedFlags } from './flags.js';

export type Component =
  'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd' | 'kubelet' | 'kube-proxy';

export interface ComponentArgs {
  component: Component;
  argv: string[];
  flags: ParsedFlags;
  /** The node it runs on, when known (node facts, or a pod's spec.nodeName). */
  node?: string;
  /** For evidence: where the command line came from. */
  source: FactSource;
  location: string;
  file?: string;
  time: string;
}

/** Every observed command line of a component (one per control-plane node, usually). */
export function componentArgs(facts: Facts, component: Component): ComponentArgs[] {
  const found: ComponentArgs[] = [];
  for (const node of facts.nodes.values()) {
    const proc = node.processes[component];
    if (!proc) continue;
    const origin = facts.origins.get(`node:${node.node}`);
    found.push({
      component,
      argv: proc.argv,
      flags: parseFlags(proc.argv.slice(1)),
      node: node.node,
      source: 'node',
      location: `node ${node.node} process ${component}`,
      file: origin?.file,
      time: node.collectedAt || origin?.time || facts.collectedAt,
    });
  }
  // Static pods fill in the nodes whose process facts were not seen (or not collected at all).
  const seenOnNode = new Set(found.map((f) => f.node));
  for (const pod of staticPods(facts, component)) {
    const argv = containerCommand(pod);
    if (!argv) continue;
    const podNode = nodeNameOf(pod);
    if (podNode !== undefined && seenOnNode.has(podNode)) continue;
    if (podNode === undefined && found.length > 0) continue;
    const origin = facts.origins.get('kubernetes:Pod');
    found.push({
      component,
      argv,
      flags: parseFlags(argv.slice(1)),
      node: nodeNameOf(pod),
      source: origin?.source ?? 'kubernetes-api',
      location: `pod kube-system/${pod.metadata.name}`,
      file: origin?.file,
      time: origin?.time ?? facts.collectedAt,
    });
  }
  return found;
}

/**
 * kubeadm runs control-plane components as static pods labelled `component=<name>` in kube-system;
 * kube-proxy runs as a DaemonSet whose pods kubeadm labels `k8s-app=kube-proxy` (AKS: `component=kube-proxy`).
 */
function staticPods(facts: Facts, component: Component): KubeObject[] {
  return (facts.kubernetes.objects.get('Pod') ?? []).filter(
    (pod) =>
      pod.metadata.namespace === 'kube-system' &&
      (pod.metadata.labels?.component === component ||
        (component === 'kube-proxy' && pod.metadata.labels?.['k8s-app'] === 'kube-proxy')),
  );
}

function containerCommand(pod: KubeObject): string[] | undefined {
  const spec = pod.spec as { containers?: { command?: JsonValue; args?: JsonValue }[] } | undefined;
  const container = spec?.containers?.[0];
  if (!container) return undefined;
  const strings = (value: JsonValue | undefined) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const argv = [...strings(container.command), ...strings(container.args)];
  return argv.length > 0 ? argv : undefined;
}

/** The nodes on which a kube-system static pod of the component was seen (its mirror pod names the node). */
export function nodesWithStaticPod(facts: Facts, component: Component): Set<string> {
  const nodes = new Set<string>();
  for (const pod of staticPods(facts, component)) {
    const node = nodeNameOf(pod);
    if (node !== undefined && containerCommand(pod)) nodes.add(node);
  }
  return nodes;
}

function nodeNameOf(pod: KubeObject): string | undefined {
  const spec = pod.spec as { nodeName?: JsonValue } | undefined;
  return typeof spec?.nodeName === 'string' ? spec.nodeName : undefined;
}

/**
 * The parsed content of a file a component names (an encryption or audit policy file), read from the node
 * the component runs on, else from any node that recorded it. Undefined when no node facts carry it.
 */
export function fileContent(
  facts: Facts,
  path: string,
  node?: string,
): { content: JsonValue; node: string } | undefined {
  const preferred = node ? facts.nodes.get(node) : undefined;
  for (const candidate of [preferred, ...facts.nodes.values()]) {
    const content = candidate?.files[path]?.content;
    if (candidate && content !== undefined) return { content, node: candidate.node };
  }
  return undefined;
}
