// Checks of the control plane: static pod and PKI files, kube-apiserver, controller manager, scheduler, etcd, authn, audit.
import type { Check } from '../model/check.js';
import apiserverAnonymousAuth from './api-server/anonymous-auth.js';
import apiserverAuditLogMaxage from './api-server/audit-log-maxage.js';
import apiserverEncryptionProviderConfig from './api-server/encryption-provider-config.js';
import authnUserClientCertificates from './authentication/user-client-certificates.js';
import fileApiserverManifestMode from './files/apiserver-manifest-mode.js';

export const CONTROL_PLANE_CHECKS: readonly Check[] = [
  fileApiserverManifestMode,
  apiserverAnonymousAuth,
  apiserverAuditLogMaxage,
  apiserverEncryptionProviderConfig,
  authnUserClientCertificates,
];
