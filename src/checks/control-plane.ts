// Checks of the control plane: static pod and PKI files, kube-apiserver, controller manager, scheduler, etcd, authn, audit.
import type { Check } from '../model/check.js';
import apiserverAdmissionAlwaysPullImages from './api-server/admission-always-pull-images.js';
import apiserverAdmissionEventRateLimit from './api-server/admission-event-rate-limit.js';
import apiserverAdmissionNamespaceLifecycle from './api-server/admission-namespace-lifecycle.js';
import apiserverAdmissionNodeRestriction from './api-server/admission-node-restriction.js';
import apiserverAdmissionNotAlwaysAdmit from './api-server/admission-not-always-admit.js';
import apiserverAdmissionServiceAccount from './api-server/admission-service-account.js';
import apiserverAnonymousAuth from './api-server/anonymous-auth.js';
import apiserverAnonymousAuthRbac from './api-server/anonymous-auth-rbac.js';
import apiserverAuditLogMaxage from './api-server/audit-log-maxage.js';
import apiserverAuditLogMaxbackup from './api-server/audit-log-maxbackup.js';
import apiserverAuditLogMaxsize from './api-server/audit-log-maxsize.js';
import apiserverAuditLogPath from './api-server/audit-log-path.js';
import apiserverAuthzNode from './api-server/authz-node.js';
import apiserverAuthzNotAlwaysAllow from './api-server/authz-not-always-allow.js';
import apiserverAuthzRbac from './api-server/authz-rbac.js';
import apiserverClientCaFile from './api-server/client-ca-file.js';
import apiserverDenyServiceExternalIps from './api-server/deny-service-external-ips.js';
import apiserverEncryptionProviderConfig from './api-server/encryption-provider-config.js';
import apiserverEncryptionProviders from './api-server/encryption-providers.js';
import apiserverEtcdCafile from './api-server/etcd-cafile.js';
import apiserverEtcdCertfileKeyfile from './api-server/etcd-certfile-keyfile.js';
import apiserverInsecureBindAddress from './api-server/insecure-bind-address.js';
import apiserverInsecurePort from './api-server/insecure-port.js';
import apiserverKubeletCertificateAuthority from './api-server/kubelet-certificate-authority.js';
import apiserverKubeletClientCert from './api-server/kubelet-client-cert.js';
import apiserverKubeletHttps from './api-server/kubelet-https.js';
import apiserverProfiling from './api-server/profiling.js';
import apiserverRequestTimeout from './api-server/request-timeout.js';
import apiserverSecurePort from './api-server/secure-port.js';
import apiserverServiceAccountExtendTokenExpiration from './api-server/service-account-extend-token-expiration.js';
import apiserverServiceAccountKeyFile from './api-server/service-account-key-file.js';
import apiserverServiceAccountLookup from './api-server/service-account-lookup.js';
import apiserverStrongCiphers from './api-server/strong-ciphers.js';
import apiserverStrongCiphersCis112 from './api-server/strong-ciphers-cis-1-12.js';
import apiserverHighCiphers from './api-server/high-ciphers.js';
import apiserverUserAuthentication from './api-server/user-authentication.js';
import apiserverAuditLogOffNode from './api-server/audit-log-off-node.js';
import apiserverDenyServiceExternalIpsNotSet from './api-server/deny-service-external-ips-not-set.js';
import apiserverTlsCertKey from './api-server/tls-cert-key.js';
import apiserverTokenAuthFile from './api-server/token-auth-file.js';
import auditPolicyCoversKeyConcerns from './audit/policy-covers-key-concerns.js';
import auditPolicyExists from './audit/policy-exists.js';
import authnUserBootstrapTokens from './authentication/user-bootstrap-tokens.js';
import authnUserClientCertificates from './authentication/user-client-certificates.js';
import authnUserServiceAccountTokens from './authentication/user-service-account-tokens.js';
import controllerManagerBindAddress from './controller-manager/bind-address.js';
import controllerManagerProfiling from './controller-manager/profiling.js';
import controllerManagerRootCaFile from './controller-manager/root-ca-file.js';
import controllerManagerRotateKubeletServerCertificate from './controller-manager/rotate-kubelet-server-certificate.js';
import controllerManagerServiceAccountPrivateKeyFile from './controller-manager/service-account-private-key-file.js';
import controllerManagerTerminatedPodGcThreshold from './controller-manager/terminated-pod-gc-threshold.js';
import controllerManagerUseServiceAccountCredentials from './controller-manager/use-service-account-credentials.js';
import etcdAutoTls from './etcd/auto-tls.js';
import etcdCertKeyFile from './etcd/cert-key-file.js';
import etcdClientCertAuth from './etcd/client-cert-auth.js';
import etcdPeerAutoTls from './etcd/peer-auto-tls.js';
import etcdPeerCertKeyFile from './etcd/peer-cert-key-file.js';
import etcdPeerClientCertAuth from './etcd/peer-client-cert-auth.js';
import etcdStrongCiphers from './etcd/strong-ciphers.js';
import etcdUniqueCa from './etcd/unique-ca.js';
import fileAdminConfMode from './files/admin-conf-mode.js';
import fileAdminConfOwner from './files/admin-conf-owner.js';
import fileApiserverManifestMode from './files/apiserver-manifest-mode.js';
import fileApiserverManifestOwner from './files/apiserver-manifest-owner.js';
import fileCniMode from './files/cni-mode.js';
import fileCniOwner from './files/cni-owner.js';
import fileControllerManagerConfMode from './files/controller-manager-conf-mode.js';
import fileControllerManagerConfOwner from './files/controller-manager-conf-owner.js';
import fileControllerManagerManifestMode from './files/controller-manager-manifest-mode.js';
import fileControllerManagerManifestOwner from './files/controller-manager-manifest-owner.js';
import fileEtcdDataDirMode from './files/etcd-data-dir-mode.js';
import fileEtcdDataDirOwner from './files/etcd-data-dir-owner.js';
import fileEtcdDataDirOwnerRoot from './files/etcd-data-dir-owner-root.js';
import fileEtcdManifestMode from './files/etcd-manifest-mode.js';
import fileEtcdManifestOwner from './files/etcd-manifest-owner.js';
import filePkiCertMode from './files/pki-cert-mode.js';
import filePkiKeyMode from './files/pki-key-mode.js';
import filePkiOwner from './files/pki-owner.js';
import fileSchedulerConfMode from './files/scheduler-conf-mode.js';
import fileSchedulerConfOwner from './files/scheduler-conf-owner.js';
import fileSchedulerManifestMode from './files/scheduler-manifest-mode.js';
import fileSchedulerManifestOwner from './files/scheduler-manifest-owner.js';
import schedulerBindAddress from './scheduler/bind-address.js';
import schedulerProfiling from './scheduler/profiling.js';

export const CONTROL_PLANE_CHECKS: readonly Check[] = [
  fileAdminConfMode,
  fileAdminConfOwner,
  fileApiserverManifestMode,
  fileApiserverManifestOwner,
  fileCniMode,
  fileCniOwner,
  fileControllerManagerConfMode,
  fileControllerManagerConfOwner,
  fileControllerManagerManifestMode,
  fileControllerManagerManifestOwner,
  fileEtcdDataDirMode,
  fileEtcdDataDirOwner,
  fileEtcdDataDirOwnerRoot,
  fileEtcdManifestMode,
  fileEtcdManifestOwner,
  filePkiCertMode,
  filePkiKeyMode,
  filePkiOwner,
  fileSchedulerConfMode,
  fileSchedulerConfOwner,
  fileSchedulerManifestMode,
  fileSchedulerManifestOwner,
  apiserverAdmissionAlwaysPullImages,
  apiserverAdmissionEventRateLimit,
  apiserverAdmissionNamespaceLifecycle,
  apiserverAdmissionNodeRestriction,
  apiserverAdmissionNotAlwaysAdmit,
  apiserverAdmissionServiceAccount,
  apiserverAnonymousAuth,
  apiserverAnonymousAuthRbac,
  apiserverAuditLogMaxage,
  apiserverAuditLogMaxbackup,
  apiserverAuditLogMaxsize,
  apiserverAuditLogPath,
  apiserverAuthzNode,
  apiserverAuthzNotAlwaysAllow,
  apiserverAuthzRbac,
  apiserverClientCaFile,
  apiserverDenyServiceExternalIps,
  apiserverEncryptionProviderConfig,
  apiserverEncryptionProviders,
  apiserverEtcdCafile,
  apiserverEtcdCertfileKeyfile,
  apiserverKubeletCertificateAuthority,
  apiserverKubeletClientCert,
  apiserverProfiling,
  apiserverRequestTimeout,
  apiserverServiceAccountExtendTokenExpiration,
  apiserverServiceAccountKeyFile,
  apiserverServiceAccountLookup,
  apiserverStrongCiphers,
  apiserverStrongCiphersCis112,
  apiserverHighCiphers,
  apiserverUserAuthentication,
  apiserverAuditLogOffNode,
  apiserverDenyServiceExternalIpsNotSet,
  apiserverTlsCertKey,
  apiserverTokenAuthFile,
  controllerManagerBindAddress,
  controllerManagerProfiling,
  controllerManagerRootCaFile,
  controllerManagerRotateKubeletServerCertificate,
  controllerManagerServiceAccountPrivateKeyFile,
  controllerManagerTerminatedPodGcThreshold,
  controllerManagerUseServiceAccountCredentials,
  schedulerBindAddress,
  schedulerProfiling,
  etcdAutoTls,
  etcdCertKeyFile,
  etcdClientCertAuth,
  etcdPeerAutoTls,
  etcdPeerCertKeyFile,
  etcdPeerClientCertAuth,
  etcdUniqueCa,
  authnUserBootstrapTokens,
  authnUserClientCertificates,
  authnUserServiceAccountTokens,
  auditPolicyCoversKeyConcerns,
  auditPolicyExists,
  apiserverSecurePort,
  apiserverInsecureBindAddress,
  apiserverInsecurePort,
  apiserverKubeletHttps,
  etcdStrongCiphers,
];
