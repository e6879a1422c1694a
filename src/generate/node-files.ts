// Node facts (nodes/NODE.json) for kubeadm control-plane nodes and a few workers, in the shape `collect-node` writes.
import type { JsonObject } from '../model/facts.js';
import type { ClusterPlan, NodePlan } from './plan.js';
import { controlPlaneArgs } from './static-pods.js';
import { COLLECTED_AT } from './time.js';

const file = (mode: string, extra: JsonObject = {}): JsonObject => ({
  exists: true,
  type: 'file',
  mode,
  owner: 'root',
  group: 'root',
  uid: 0,
  gid: 0,
  ...extra,
});
const dir = (mode: string, children?: Record<string, JsonObject>): JsonObject => ({
  exists: true,
  type: 'directory',
  mode,
  owner: 'root',
  group: 'root',
  uid: 0,
  gid: 0,
  ...(children ? { children } : {}),
});

const KUBELET_ARGV = [
  '/usr/bin/kubelet',
  '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf',
  '--kubeconfig=/etc/kubernetes/kubelet.conf',
  '--config=/var/lib/kubelet/config.yaml',
  '--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock',
];

/** Nodes that get a node-facts file: every control-plane node and up to three workers. */
export function nodesWithFacts(plan: ClusterPlan): NodePlan[] {
  if (plan.options.profile !== 'kubeadm') return [];
  return [
    ...plan.nodes.filter((n) => n.controlPlane),
    ...plan.nodes.filter((n) => !n.controlPlane).slice(0, 3),
  ];
}

export function nodeFacts(node: NodePlan, index: number): JsonObject {
  const common: Record<string, JsonObject> = {
    '/etc/kubernetes/kubelet.conf': file('0600'),
    '/var/lib/kubelet/config.yaml': file(index % 2 === 0 ? '0644' : '0600'),
    '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf': file('0644'),
  };
  if (!node.controlPlane) {
    return {
      node: node.name,
      collectedAt: COLLECTED_AT,
      roles: [],
      files: { ...common, '/etc/kubernetes/manifests/kube-apiserver.yaml': { exists: false } },
      processes: {
        kubelet: { pid: 877, argv: KUBELET_ARGV },
        'kube-proxy': {
          pid: 2231,
          argv: [
            '/usr/local/bin/kube-proxy',
            '--config=/var/lib/kube-proxy/config.conf',
            `--hostname-override=${node.name}`,
          ],
        },
      },
    };
  }
  const keys = [
    'ca',
    'apiserver',
    'apiserver-kubelet-client',
    'front-proxy-ca',
    'sa',
    'etcd/ca',
    'etcd/server',
  ];
  const children: Record<string, JsonObject> = {};
  for (const key of keys) {
    children[`${key}.${key === 'sa' ? 'pub' : 'crt'}`] = file('0644');
    children[`${key}.key`] = file(index === 0 && key === 'apiserver' ? '0644' : '0600');
  }
  const files: Record<string, JsonObject> = {
    ...common,
    '/etc/kubernetes/manifests/kube-apiserver.yaml': file(index === 0 ? '0644' : '0600'),
    '/etc/kubernetes/manifests/kube-controller-manager.yaml': file('0600'),
    '/etc/kubernetes/manifests/kube-scheduler.yaml': file('0600'),
    '/etc/kubernetes/manifests/etcd.yaml': file('0600'),
    '/etc/kubernetes/admin.conf': file('0600'),
    '/etc/kubernetes/super-admin.conf': file('0600'),
    '/etc/kubernetes/scheduler.conf': file('0600'),
    '/etc/kubernetes/controller-manager.conf': file('0600'),
    '/var/lib/etcd': dir('0700'),
    '/etc/kubernetes/pki': dir('0755', children),
    '/etc/cni/net.d/10-calico.conflist': file('0644'),
  };
  const processes: Record<string, JsonObject> = { kubelet: { pid: 912, argv: KUBELET_ARGV } };
  let pid = 1790;
  for (const [component, argv] of Object.entries(controlPlaneArgs(node, index)))
    processes[component] = { pid: pid++, argv };
  return { node: node.name, collectedAt: COLLECTED_AT, roles: ['control-plane'], files, processes };
}
