// Built-in workloads of an AKS or kubeadm cluster plus a typical platform stack (monitoring, ingress, cert-manager).
import type { GenerateProfile } from './options.js';
import type { Offences } from './plan.js';

export interface PresetContainer {
  name: string;
  image: string;
  args?: string[];
  port?: number;
}

export interface SystemWorkload {
  kind: 'Deployment' | 'DaemonSet' | 'StatefulSet';
  namespace: string;
  name: string;
  replicas: number;
  serviceAccount: string;
  containers: PresetContainer[];
  /** Host paths mounted, by volume name. */
  hostPaths?: Record<string, string>;
  offences?: Partial<Offences>;
  priorityClassName?: string;
}

const MCR = 'mcr.microsoft.com/oss/kubernetes';

const AKS: SystemWorkload[] = [
  ds(
    'kube-system',
    'kube-proxy',
    [
      {
        name: 'kube-proxy',
        image: `${MCR}/kube-proxy:v1.30.6-hotfix.20241024`,
        args: ['--conntrack-max-per-core=0', '--metrics-bind-address=0.0.0.0:10249'],
      },
    ],
    { 'lib-modules': '/lib/modules', 'xtables-lock': '/run/xtables.lock' },
    { privileged: true, hostNetwork: true },
  ),
  ds(
    'kube-system',
    'azure-cns',
    [
      {
        name: 'cns-container',
        image: 'mcr.microsoft.com/containernetworking/azure-cns:v1.6.13',
        port: 10090,
      },
    ],
    { 'cns-state': '/var/lib/azure-network', 'cni-bin': '/opt/cni/bin' },
    { hostNetwork: true },
  ),
  ds(
    'kube-system',
    'cloud-node-manager',
    [{ name: 'cloud-node-manager', image: `${MCR}/azure-cloud-node-manager:v1.30.7` }],
    undefined,
    { hostNetwork: true },
  ),
  ds(
    'kube-system',
    'csi-azuredisk-node',
    [{ name: 'azuredisk', image: `${MCR}/csi/azuredisk-csi:v1.30.5`, port: 29603 }],
    { 'kubelet-dir': '/var/lib/kubelet', 'device-dir': '/dev' },
    { privileged: true, hostNetwork: true },
  ),
  ds(
    'kube-system',
    'csi-azurefile-node',
    [{ name: 'azurefile', image: `${MCR}/csi/azurefile-csi:v1.30.6`, port: 29613 }],
    { 'kubelet-dir': '/var/lib/kubelet' },
    { privileged: true, hostNetwork: true },
  ),
  deploy('kube-system', 'coredns', 2, [{ name: 'coredns', image: `${MCR}/coredns:v1.11.3-2`, port: 53 }]),
  deploy('kube-system', 'coredns-autoscaler', 1, [
    { name: 'autoscaler', image: `${MCR}/autoscaler/cluster-proportional-autoscaler:v1.8.11` },
  ]),
  deploy('kube-system', 'metrics-server', 2, [
    { name: 'metrics-server', image: `${MCR}/metrics-server:v0.7.2`, port: 4443 },
  ]),
  deploy('kube-system', 'konnectivity-agent', 2, [
    { name: 'konnectivity-agent', image: `${MCR}/apiserver-network-proxy/agent:v0.30.3-hotfix.20240819` },
  ]),
  deploy('gatekeeper-system', 'gatekeeper-controller', 2, [
    { name: 'manager', image: 'mcr.microsoft.com/oss/open-policy-agent/gatekeeper:v3.17.1', port: 8443 },
  ]),
  deploy('gatekeeper-system', 'gatekeeper-audit', 1, [
    { name: 'manager', image: 'mcr.microsoft.com/oss/open-policy-agent/gatekeeper:v3.17.1' },
  ]),
];

const KUBEADM: SystemWorkload[] = [
  ds(
    'kube-system',
    'kube-proxy',
    [
      {
        name: 'kube-proxy',
        image: 'registry.k8s.io/kube-proxy:v1.30.6',
        args: ['--config=/var/lib/kube-proxy/config.conf'],
      },
    ],
    { 'lib-modules': '/lib/modules', 'xtables-lock': '/run/xtables.lock' },
    { privileged: true, hostNetwork: true },
  ),
  ds(
    'kube-system',
    'calico-node',
    [{ name: 'calico-node', image: 'docker.io/calico/node:v3.28.1', port: 9099 }],
    { 'cni-bin-dir': '/opt/cni/bin', 'cni-net-dir': '/etc/cni/net.d', 'var-run-calico': '/var/run/calico' },
    { privileged: true, hostNetwork: true },
  ),
  deploy('kube-system', 'coredns', 2, [
    { name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3', port: 53 },
  ]),
  deploy('kube-system', 'calico-kube-controllers', 1, [
    { name: 'calico-kube-controllers', image: 'docker.io/calico/kube-controllers:v3.28.1' },
  ]),
  deploy('kube-system', 'metrics-server', 1, [
    { name: 'metrics-server', image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', port: 10250 },
  ]),
];

const PLATFORM: SystemWorkload[] = [
  ds(
    'monitoring',
    'node-exporter',
    [
      {
        name: 'node-exporter',
        image: 'quay.io/prometheus/node-exporter:v1.8.2',
        args: ['--path.procfs=/host/proc', '--path.sysfs=/host/sys'],
        port: 9100,
      },
    ],
    { proc: '/proc', sys: '/sys', root: '/' },
    { hostNetwork: true, hostPID: true },
  ),
  {
    ...deploy('monitoring', 'prometheus-k8s', 2, [
      { name: 'prometheus', image: 'quay.io/prometheus/prometheus:v2.54.1', port: 9090 },
    ]),
    kind: 'StatefulSet',
  },
  deploy('monitoring', 'grafana', 1, [
    { name: 'grafana', image: 'docker.io/grafana/grafana:11.2.0', port: 3000 },
  ]),
  deploy('monitoring', 'kube-state-metrics', 1, [
    {
      name: 'kube-state-metrics',
      image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0',
      port: 8080,
    },
  ]),
  deploy('ingress-nginx', 'ingress-nginx-controller', 3, [
    { name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.11.2', port: 443 },
  ]),
  deploy('cert-manager', 'cert-manager', 1, [
    { name: 'cert-manager-controller', image: 'quay.io/jetstack/cert-manager-controller:v1.15.3' },
  ]),
  deploy('cert-manager', 'cert-manager-webhook', 1, [
    { name: 'cert-manager-webhook', image: 'quay.io/jetstack/cert-manager-webhook:v1.15.3', port: 10250 },
  ]),
  deploy('cert-manager', 'cert-manager-cainjector', 1, [
    { name: 'cert-manager-cainjector', image: 'quay.io/jetstack/cert-manager-cainjector:v1.15.3' },
  ]),
];

const BY_NAME = new Map<string, SystemWorkload>(
  [...AKS, ...KUBEADM, ...PLATFORM].map((w) => [`${w.namespace}/${w.name}`, w]),
);

export function systemWorkloads(profile: GenerateProfile): SystemWorkload[] {
  return [...(profile === 'aks' ? AKS : KUBEADM), ...PLATFORM];
}

export function findPreset(namespace: string, name: string): SystemWorkload | undefined {
  return BY_NAME.get(`${namespace}/${name}`);
}

function ds(
  namespace: string,
  name: string,
  containers: PresetContainer[],
  hostPaths?: Record<string, string>,
  offences: Partial<Offences> = {},
): SystemWorkload {
  const withPaths = hostPaths ? { ...offences, hostPath: true } : offences;
  return {
    kind: 'DaemonSet',
    namespace,
    name,
    replicas: 0,
    serviceAccount: name,
    containers,
    hostPaths,
    offences: withPaths,
    priorityClassName: 'system-node-critical',
  };
}

function deploy(
  namespace: string,
  name: string,
  replicas: number,
  containers: PresetContainer[],
): SystemWorkload {
  return {
    kind: 'Deployment',
    namespace,
    name,
    replicas,
    serviceAccount: name,
    containers,
    priorityClassName: namespace === 'kube-system' ? 'system-cluster-critical' : undefined,
  };
}
