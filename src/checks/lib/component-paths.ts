// Paths a component names itself: etcd's --data-dir and kube-proxy's --kubeconfig, read from the node's own command line.
import type { Facts, NodeFacts } from '../../model/facts.js';
import { componentArgs, fileContent, type Component } from './components.js';
import { flagValue } from './flags.js';

/** The value of a flag on the command line of `component` running on `node` (node processes or its static pod). */
function flagOnNode(facts: Facts, node: NodeFacts, component: Component, flag: string): string | undefined {
  const args = componentArgs(facts, component).find((a) => a.node === node.node);
  const value = args ? flagValue(args.flags, flag) : undefined;
  return value ? value : undefined;
}

/** etcd's data directory as its --data-dir names it on that node (Annex A 5.4.1.3/5.4.1.4, CIS 1.1.11/1.1.12). */
export function etcdDataDirOn(facts: Facts, node: NodeFacts): string | undefined {
  return flagOnNode(facts, node, 'etcd', 'data-dir');
}

/**
 * kube-proxy's kubeconfig on that node: its --kubeconfig flag, or `clientConnection.kubeconfig` of the
 * --config file when that file was collected (Annex A 5.5.1.1: take the path from kube-proxy's own command line).
 */
export function proxyKubeconfigOn(facts: Facts, node: NodeFacts): string | undefined {
  const flag = flagOnNode(facts, node, 'kube-proxy', 'kubeconfig');
  if (flag) return flag;
  const config = flagOnNode(facts, node, 'kube-proxy', 'config');
  if (!config) return undefined;
  const file = fileContent(facts, config, node.node);
  const content = file?.content;
  if (!content || typeof content !== 'object' || Array.isArray(content)) return undefined;
  const connection = content.clientConnection;
  if (!connection || typeof connection !== 'object' || Array.isArray(connection)) return undefined;
  return typeof connection.kubeconfig === 'string' && connection.kubeconfig !== ''
    ? connection.kubeconfig
    : undefined;
}
