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
  const { withStaticPod, controlPlane } = coverageOf(facts, component);
  if (withStaticPod.has(node)) return false;
  return controlPlane === undefined || controlPlane.has(node);
}

interface Coverage {
  /** Nodes where a static pod of the component was seen. */
  withStaticPod: Set<string>;
  /** Nodes labelled control-plane; undefined when none is, so every node may be one. */
  controlPlane: Set<string> | undefined;
}

// Asked once per node gap and check: each scan of every pod and node is done once per loaded snapshot instead.
const COVERAGE = new WeakMap<Facts, Map<Component, Coverage>>();

function coverageOf(facts: Facts, component: Component): Coverage {
  let byComponent = COVERAGE.get(facts);
  if (!byComponent) COVERAGE.set(facts, (byComponent = new Map()));
  let coverage = byComponent.get(component);
  if (!coverage) {
    const labelled = (facts.kubernetes.objects.get('Node') ?? []).filter(isControlPlane);
    coverage = {
      withStaticPod: nodesWithStaticPod(facts, component),
      controlPlane: labelled.length > 0 ? new Set(labelled.map((n) => n.metadata.name)) : undefined,
    };
    byComponent.set(component, coverage);
  }
  return coverage;
}

function isControlPlane(node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  return CONTROL_PLANE_LABELS.some((label) => label in labels);
}
