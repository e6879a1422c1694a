// kubeadm control-plane mirror pods (kube-apiserver, etcd, controller manager, scheduler), owned by their Node.
import type { JsonObject } from '../model/facts.js';
import type { ClusterPlan, NodePlan } from './plan.js';
import { Prng } from './prng.js';
import { daysAgo } from './time.js';

/** Command lines of the control-plane components, as kubeadm writes them (with a few findings planted). */
export function controlPlaneArgs(node: NodePlan, index: number): Record<string, string[]> {
  const pki = '/etc/kubernetes/pki';
  return {
    'kube-apiserver': [
      'kube-apiserver',
      `--advertise-address=${node.ip}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      `--client-ca-file=${pki}/ca.crt`,
      '--enable-admission-plugins=NodeRestriction',
      '--enable-bootstrap-token-auth=true',
      `--etcd-cafile=${pki}/etcd/ca.crt`,
      `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
      `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
      '--etcd-servers=https://127.0.0.1:2379',
      `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
      '--secure-port=6443',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki}/sa.pub`,
      `--service-account-signing-key-file=${pki}/sa.key`,
      '--service-cluster-ip-range=10.96.0.0/12',
      `--tls-cert-file=${pki}/apiserver.crt`,
      `--tls-private-key-file=${pki}/apiserver.key`,
      ...(index === 0
        ? [
            '--audit-log-path=/var/log/kubernetes/audit/audit.log',
            '--audit-log-maxage=30',
            '--audit-log-maxbackup=10',
            '--audit-log-maxsize=100',
            '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
          ]
        : []),
      '--profiling=false',
    ],
    'kube-controller-manager': [
      'kube-controller-manager',
      '--bind-address=127.0.0.1',
      `--client-ca-file=${pki}/ca.crt`,
      '--cluster-cidr=10.244.0.0/16',
      `--cluster-signing-cert-file=${pki}/ca.crt`,
      `--cluster-signing-key-file=${pki}/ca.key`,
      '--kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--leader-elect=true',
      `--root-ca-file=${pki}/ca.crt`,
      `--service-account-private-key-file=${pki}/sa.key`,
      '--use-service-account-credentials=true',
    ],
    'kube-scheduler': [
      'kube-scheduler',
      '--bind-address=127.0.0.1',
      '--kubeconfig=/etc/kubernetes/scheduler.conf',
      '--leader-elect=true',
    ],
    etcd: [
      'etcd',
      `--advertise-client-urls=https://${node.ip}:2379`,
      `--cert-file=${pki}/etcd/server.crt`,
      '--client-cert-auth=true',
      '--data-dir=/var/lib/etcd',
      `--key-file=${pki}/etcd/server.key`,
      `--name=${node.name}`,
      '--peer-client-cert-auth=true',
      `--trusted-ca-file=${pki}/etcd/ca.crt`,
    ],
  };
}

const IMAGES: Record<string, string> = {
  'kube-apiserver': 'registry.k8s.io/kube-apiserver:v1.30.6',
  'kube-controller-manager': 'registry.k8s.io/kube-controller-manager:v1.30.6',
  'kube-scheduler': 'registry.k8s.io/kube-scheduler:v1.30.6',
  etcd: 'registry.k8s.io/etcd:3.5.15-0',
};

export function* staticPods(plan: ClusterPlan): Generator<JsonObject> {
  if (plan.options.profile !== 'kubeadm') return;
  const rng = new Prng(`${plan.options.seed}/static-pods`);
  for (const [index, node] of plan.nodes.filter((n) => n.controlPlane).entries()) {
    for (const [component, argv] of Object.entries(controlPlaneArgs(node, index))) {
      yield {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${component}-${node.name}`,
          namespace: 'kube-system',
          uid: rng.uuid(),
          creationTimestamp: daysAgo(400),
          labels: { component, tier: 'control-plane' },
          annotations: {
            'kubernetes.io/config.source': 'file',
            'kubernetes.io/config.mirror': rng.text(32, '0123456789abcdef'),
          },
          ownerReferences: [
            { apiVersion: 'v1', kind: 'Node', name: node.name, uid: rng.uuid(), controller: true },
          ],
        },
        spec: {
          containers: [
            {
              name: component,
              image: IMAGES[component] ?? '',
              command: argv,
              resources: { requests: { cpu: '250m' } },
              volumeMounts: [{ name: 'k8s-certs', mountPath: '/etc/kubernetes/pki', readOnly: true }],
            },
          ],
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          volumes: [
            { name: 'k8s-certs', hostPath: { path: '/etc/kubernetes/pki', type: 'DirectoryOrCreate' } },
          ],
          nodeName: node.name,
          tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
        },
        status: {
          phase: 'Running',
          hostIP: node.ip,
          podIP: node.ip,
          qosClass: 'Burstable',
          startTime: daysAgo(30),
        },
      };
    }
  }
}
