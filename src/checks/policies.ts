// Checks of cluster policies: RBAC, service accounts, pod security, network policies, secrets, namespaces, admission.
import type { Check } from '../model/check.js';
import rbacBindImpersonateEscalate from './rbac/bind-impersonate-escalate.js';
import rbacClusterAdminBindings from './rbac/cluster-admin-bindings.js';
import rbacCreatePersistentVolumes from './rbac/create-persistent-volumes.js';
import rbacCreatePods from './rbac/create-pods.js';
import rbacCsrApproval from './rbac/csr-approval.js';
import rbacNodesProxy from './rbac/nodes-proxy.js';
import rbacSecretAccess from './rbac/secret-access.js';
import rbacServiceAccountTokenCreation from './rbac/service-account-token-creation.js';
import rbacSystemMasters from './rbac/system-masters.js';
import rbacWebhookConfigAccess from './rbac/webhook-config-access.js';
import rbacWildcards from './rbac/wildcards.js';
import workloadAddedCapabilities from './workloads/added-capabilities.js';
import workloadAllowPrivilegeEscalation from './workloads/allow-privilege-escalation.js';
import workloadApparmor from './workloads/apparmor.js';
import workloadCapabilitiesNotDropped from './workloads/capabilities-not-dropped.js';
import workloadDefaultNamespace from './workloads/default-namespace.js';
import workloadDefaultServiceAccount from './workloads/default-service-account.js';
import workloadHostDevices from './workloads/host-devices.js';
import workloadHostIpc from './workloads/host-ipc.js';
import workloadHostNetwork from './workloads/host-network.js';
import workloadHostPid from './workloads/host-pid.js';
import workloadHostPorts from './workloads/host-ports.js';
import workloadHostpathVolumes from './workloads/hostpath-volumes.js';
import workloadLatestImage from './workloads/latest-image.js';
import workloadNetRaw from './workloads/net-raw.js';
import workloadPrivilegedContainers from './workloads/privileged-containers.js';
import workloadPrivilegedPorts from './workloads/privileged-ports.js';
import workloadReadonlyRootFilesystem from './workloads/readonly-root-filesystem.js';
import workloadResourceLimits from './workloads/resource-limits.js';
import workloadSensitiveHostPaths from './workloads/sensitive-host-paths.js';
import workloadCpuRequestsLimits from './workloads/cpu-requests-limits.js';
import workloadMemoryRequestsLimits from './workloads/memory-requests-limits.js';
import workloadRootContainers from './workloads/root-containers.js';
import workloadRuntimeSocketMount from './workloads/runtime-socket-mount.js';
import workloadSeccompRuntimeDefault from './workloads/seccomp-runtime-default.js';
import workloadSecretsInEnv from './workloads/secrets-in-env.js';
import workloadSecurityContext from './workloads/security-context.js';
import workloadServiceAccountTokenAutomount from './workloads/service-account-token-automount.js';
import workloadWindowsHostprocess from './workloads/windows-hostprocess.js';
import admissionImagePolicy from './admission/image-policy.js';
import admissionPolicyControl from './admission/policy-control.js';
import networkCniSupportsPolicy from './network/cni-supports-policy.js';
import networkNamespacesHavePolicy from './network/namespaces-have-policy.js';
import networkDefaultDenyIngress from './network/default-deny-ingress.js';
import clusterVersionSupported from './cluster/version-supported.js';
import networkPolicySelectsPods from './network/policy-selects-pods.js';
import namespaceLimitRange from './namespaces/limit-range.js';
import namespaceResourceQuota from './namespaces/resource-quota.js';
import serviceNodeport from './services/nodeport.js';
import secretsExternalStore from './secrets/external-store.js';

export const POLICY_CHECKS: readonly Check[] = [
  rbacBindImpersonateEscalate,
  rbacClusterAdminBindings,
  rbacCreatePersistentVolumes,
  rbacCreatePods,
  rbacCsrApproval,
  rbacNodesProxy,
  rbacSecretAccess,
  rbacServiceAccountTokenCreation,
  rbacSystemMasters,
  rbacWebhookConfigAccess,
  rbacWildcards,
  workloadAddedCapabilities,
  workloadAllowPrivilegeEscalation,
  workloadApparmor,
  workloadCapabilitiesNotDropped,
  workloadDefaultNamespace,
  workloadDefaultServiceAccount,
  workloadHostDevices,
  workloadHostIpc,
  workloadHostNetwork,
  workloadHostPid,
  workloadHostPorts,
  workloadHostpathVolumes,
  workloadLatestImage,
  workloadNetRaw,
  workloadPrivilegedContainers,
  workloadPrivilegedPorts,
  workloadReadonlyRootFilesystem,
  workloadResourceLimits,
  workloadSensitiveHostPaths,
  workloadCpuRequestsLimits,
  workloadMemoryRequestsLimits,
  workloadRootContainers,
  workloadRuntimeSocketMount,
  workloadSeccompRuntimeDefault,
  workloadSecretsInEnv,
  workloadSecurityContext,
  workloadServiceAccountTokenAutomount,
  workloadWindowsHostprocess,
  admissionImagePolicy,
  admissionPolicyControl,
  networkCniSupportsPolicy,
  networkNamespacesHavePolicy,
  networkDefaultDenyIngress,
  clusterVersionSupported,
  networkPolicySelectsPods,
  namespaceLimitRange,
  namespaceResourceQuota,
  serviceNodeport,
  secretsExternalStore,
];
