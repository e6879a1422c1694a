// The check registry: every check, by id. A new check is one file plus one line here.
import type { Check } from '../model/check.js';
import apiserverAnonymousAuth from './api-server/anonymous-auth.js';
import apiserverAuditLogMaxage from './api-server/audit-log-maxage.js';
import apiserverEncryptionProviderConfig from './api-server/encryption-provider-config.js';
import authnUserClientCertificates from './authentication/user-client-certificates.js';
import aksAuditLogsExported from './azure/audit-logs-exported.js';
import aksKmsEnabled from './azure/kms-enabled.js';
import aksLocalAccountsDisabled from './azure/local-accounts-disabled.js';
import fileApiserverManifestMode from './files/apiserver-manifest-mode.js';
import rbacClusterAdminBindings from './rbac/cluster-admin-bindings.js';
import workloadPrivilegedContainers from './workloads/privileged-containers.js';

export const ALL_CHECKS: readonly Check[] = [
  fileApiserverManifestMode,
  apiserverAnonymousAuth,
  apiserverAuditLogMaxage,
  apiserverEncryptionProviderConfig,
  authnUserClientCertificates,
  aksAuditLogsExported,
  aksKmsEnabled,
  aksLocalAccountsDisabled,
  rbacClusterAdminBindings,
  workloadPrivilegedContainers,
];

export const CHECKS_BY_ID: ReadonlyMap<string, Check> = new Map(ALL_CHECKS.map((check) => [check.id, check]));
