// Checks of worker nodes: kubelet service and config files, kubelet settings, kube-proxy.
import type { Check } from '../model/check.js';
import fileKubeletClientCaMode from './files/kubelet-client-ca-mode.js';
import fileKubeletClientCaOwner from './files/kubelet-client-ca-owner.js';
import fileKubeletConfigMode from './files/kubelet-config-mode.js';
import fileKubeletConfigOwner from './files/kubelet-config-owner.js';
import fileKubeletKubeconfigMode from './files/kubelet-kubeconfig-mode.js';
import fileKubeletKubeconfigOwner from './files/kubelet-kubeconfig-owner.js';
import fileKubeletServiceMode from './files/kubelet-service-mode.js';
import fileKubeletServiceOwner from './files/kubelet-service-owner.js';
import fileProxyKubeconfigMode from './files/proxy-kubeconfig-mode.js';
import fileProxyKubeconfigOwner from './files/proxy-kubeconfig-owner.js';
import fileProxyKubeconfigModeRequired from './files/proxy-kubeconfig-mode-required.js';
import fileProxyKubeconfigOwnerRequired from './files/proxy-kubeconfig-owner-required.js';
import kubeProxyMetricsLocalhost from './kube-proxy/metrics-localhost.js';
import kubeletAllowedUnsafeSysctls from './kubelet/allowed-unsafe-sysctls.js';
import kubeletAnonymousAuth from './kubelet/anonymous-auth.js';
import kubeletAuthorizationMode from './kubelet/authorization-mode.js';
import kubeletClientCaFile from './kubelet/client-ca-file.js';
import kubeletEventQps from './kubelet/event-qps.js';
import kubeletHostnameOverride from './kubelet/hostname-override.js';
import kubeletMakeIptablesUtilChains from './kubelet/make-iptables-util-chains.js';
import kubeletPodPidsLimit from './kubelet/pod-pids-limit.js';
import kubeletProtectKernelDefaults from './kubelet/protect-kernel-defaults.js';
import kubeletReadOnlyPort from './kubelet/read-only-port.js';
import kubeletRotateCertificates from './kubelet/rotate-certificates.js';
import kubeletRotateServerCertificates from './kubelet/rotate-server-certificates.js';
import kubeletStreamingConnectionIdleTimeout from './kubelet/streaming-connection-idle-timeout.js';
import kubeletStrongCiphers from './kubelet/strong-ciphers.js';
import kubeletStrongCiphersCis112 from './kubelet/strong-ciphers-cis-1-12.js';
import kubeletHighCiphers from './kubelet/high-ciphers.js';
import kubeletRotateServerCertificateGate from './kubelet/rotate-server-certificates-gate.js';
import kubeletTlsCertKey from './kubelet/tls-cert-key.js';

export const WORKER_NODE_CHECKS: readonly Check[] = [
  fileKubeletClientCaMode,
  fileKubeletClientCaOwner,
  fileKubeletConfigMode,
  fileKubeletConfigOwner,
  fileKubeletKubeconfigMode,
  fileKubeletKubeconfigOwner,
  fileKubeletServiceMode,
  fileKubeletServiceOwner,
  fileProxyKubeconfigMode,
  fileProxyKubeconfigOwner,
  fileProxyKubeconfigModeRequired,
  fileProxyKubeconfigOwnerRequired,
  kubeletAnonymousAuth,
  kubeletAuthorizationMode,
  kubeletClientCaFile,
  kubeletEventQps,
  kubeletHostnameOverride,
  kubeletMakeIptablesUtilChains,
  kubeletPodPidsLimit,
  kubeletProtectKernelDefaults,
  kubeletReadOnlyPort,
  kubeletRotateCertificates,
  kubeletRotateServerCertificates,
  kubeletStreamingConnectionIdleTimeout,
  kubeletStrongCiphers,
  kubeletStrongCiphersCis112,
  kubeletHighCiphers,
  kubeletRotateServerCertificateGate,
  kubeletTlsCertKey,
  kubeProxyMetricsLocalhost,
  kubeletAllowedUnsafeSysctls,
];
