// Kubelet /configz answers per node; a share of nodes carries the kubelet findings auditors look for.
import type { JsonObject } from '../model/facts.js';
import type { ClusterPlan, NodePlan } from './plan.js';
import { Prng } from './prng.js';

/** The nodes whose configz is written: all, or an even sample across pools when asked for fewer. */
export function configzNodes(plan: ClusterPlan): NodePlan[] {
  const want = plan.options.configz;
  if (want >= plan.nodes.length) return plan.nodes;
  const step = plan.nodes.length / want;
  return Array.from({ length: want }, (_, i) => plan.nodes[Math.floor(i * step)]!);
}

export function kubeletConfigz(plan: ClusterPlan, node: NodePlan): JsonObject {
  const rng = new Prng(`${plan.options.seed}/configz/${node.name}`);
  const aks = plan.options.profile === 'aks';
  // About one node in ten keeps the read-only port or anonymous auth: drift auditors find in practice.
  const drift = rng.chance(0.1);
  return {
    kubeletconfig: {
      enableServer: true,
      staticPodPath: '/etc/kubernetes/manifests',
      syncFrequency: '1m0s',
      address: '0.0.0.0',
      port: 10250,
      readOnlyPort: drift && aks ? 10255 : 0,
      tlsCipherSuites: aks
        ? [
            'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
            'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
            'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
            'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
          ]
        : [],
      rotateCertificates: true,
      serverTLSBootstrap: !aks,
      authentication: {
        x509: { clientCAFile: aks ? '/etc/kubernetes/certs/ca.crt' : '/etc/kubernetes/pki/ca.crt' },
        webhook: { enabled: true, cacheTTL: '2m0s' },
        anonymous: { enabled: drift && !aks },
      },
      authorization: {
        mode: 'Webhook',
        webhook: { cacheAuthorizedTTL: '5m0s', cacheUnauthorizedTTL: '30s' },
      },
      registryPullQPS: 5,
      eventRecordQPS: 5,
      enableDebuggingHandlers: true,
      healthzPort: 10248,
      healthzBindAddress: '127.0.0.1',
      clusterDomain: 'cluster.local',
      clusterDNS: [aks ? '10.0.0.10' : '10.96.0.10'],
      streamingConnectionIdleTimeout: drift ? '0s' : '4h0m0s',
      nodeStatusUpdateFrequency: '10s',
      cgroupDriver: 'systemd',
      podPidsLimit: -1,
      maxPods: 110,
      protectKernelDefaults: aks,
      makeIPTablesUtilChains: true,
      featureGates: { RotateKubeletServerCertificate: true },
      containerRuntimeEndpoint: 'unix:///run/containerd/containerd.sock',
    },
  };
}
