// Which nodes' missing process facts leave a control-plane component's command line unseen.
import type { Facts, KubeObject } from '../../model/facts.js';
import { nodesWithStaticPod, type Component } from './components.js';

const NEED_PREFIX = 'node:process/';
const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

/** The need a check on a control-plane component declares instead of every node's process facts. */
export function controlPlaneProcessNeed(component: Component): string {
  return `${NEED_PREFIX}${component}`;
}

/**
 * For a per-node gap (`node:<name>`) and a control-plane process need, whether that node may run the component
 * without our having seen its command line: it is (or may be) a control-plane node, and no kube-system static pod
 * of the component on it was seen. Undefined when the need or the gap is not of this kind (the general rule
 * applies). Workers never run the API server, so a worker without node facts does not hide its flags; when no
 * node carries a control-plane label, every node may be one.
 */
export function controlPlaneGapApplies(facts: Facts, need: string, gapPart: string): boolean | undefined {
  if (!need.startsWith(NEED_PREFIX) || !gapPart.startsWith('node:')) return undefined;
  const node = gapPart.slice('node:'.length);
  if (node.startsWith('(')) return true; // "node:(node list)": which nodes exist is itself unknown
  const component = need.slice(NEED_PREFIX.length) as Component;
  if (nodesWithStaticPod(facts, component).has(node)) return false;
  const nodes = facts.kubernetes.objects.get('Node') ?? [];
  const labelled = nodes.filter(isControlPlane);
  if (labelled.length === 0) return true;
  return labelled.some((n) => n.metadata.name === node);
}

function isControlPlane(node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  return CONTROL_PLANE_LABELS.some((label) => label in labels);
}
