// Finds a component's command line in the facts: node process facts first, then kube-system static pods.
import type { Facts, FactSource, JsonValue, KubeObject } from '../../model/facts.js';
import { parseFlags, type ParsedFlags } from './flags.js';

export type Component = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd' | 'kubelet' | 'kube-proxy';

export interface ComponentArgs {
  component: Component;
  argv: string[];
  flags: ParsedFlags;
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
      source: 'node',
      location: `node ${node.node} process ${component}`,
      file: origin?.file,
      time: node.collectedAt || origin?.time || facts.collectedAt,
    });
  }
  if (found.length > 0) return found;
  for (const pod of staticPods(facts, component)) {
    const argv = containerCommand(pod);
    if (!argv) continue;
    const origin = facts.origins.get('kubernetes:Pod');
    found.push({
      component,
      argv,
      flags: parseFlags(argv.slice(1)),
      source: origin?.source ?? 'kubernetes-api',
      location: `pod kube-system/${pod.metadata.name}`,
      file: origin?.file,
      time: origin?.time ?? facts.collectedAt,
    });
  }
  return found;
}

/** kubeadm runs control-plane components as static pods labelled `component=<name>` in kube-system. */
function staticPods(facts: Facts, component: Component): KubeObject[] {
  return (facts.kubernetes.objects.get('Pod') ?? []).filter(
    (pod) => pod.metadata.namespace === 'kube-system' && pod.metadata.labels?.component === component,
  );
}

function containerCommand(pod: KubeObject): string[] | undefined {
  const spec = pod.spec as { containers?: { command?: JsonValue; args?: JsonValue }[] } | undefined;
  const container = spec?.containers?.[0];
  if (!container) return undefined;
  const strings = (value: JsonValue | undefined) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const argv = [...strings(container.command), ...strings(container.args)];
  return argv.length > 0 ? argv : undefined;
}
