// Checks that only Azure ARM facts can decide (AKS): identity, API access, network, node pools, upgrades, add-ons and security features.
import type { Check } from '../model/check.js';
import aksAuditLogsExported from './azure/audit-logs-exported.js';
import aksAzurePolicyAddon from './azure/azure-policy-addon.js';
import aksAzureRbac from './azure/azure-rbac.js';
import aksKeyvaultSecretsProvider from './azure/keyvault-secrets-provider.js';
import aksKmsEnabled from './azure/kms-enabled.js';
import aksLocalAccountsDisabled from './azure/local-accounts-disabled.js';
import aksNetworkPolicy from './azure/network-policy.js';
import aksOidcIssuer from './azure/oidc-issuer.js';
import aksPrivateOrAuthorizedApi from './azure/private-or-authorized-api.js';
import aksAutoUpgradeChannel from './azure/auto-upgrade-channel.js';
import aksDefenderEnabled from './azure/defender-enabled.js';
import aksEgressControlled from './azure/egress-controlled.js';
import aksEncryptionAtHost from './azure/encryption-at-host.js';
import aksImageCleaner from './azure/image-cleaner.js';
import aksNoNodePublicIp from './azure/no-node-public-ip.js';
import aksNodeFips from './azure/node-fips.js';
import aksNodeOsUpgradeChannel from './azure/node-os-upgrade-channel.js';
import aksNodeSshDisabled from './azure/node-ssh-disabled.js';
import aksPodPidsLimit from './azure/pod-pids-limit.js';
import aksPrivateEndpoint from './azure/private-endpoint.js';
import aksRunCommandDisabled from './azure/run-command-disabled.js';
import aksSupportedVersion from './azure/supported-version.js';
import aksUnsafeSysctls from './azure/unsafe-sysctls.js';
import aksWorkloadIdentity from './azure/workload-identity.js';

export const AZURE_CHECKS: readonly Check[] = [
  aksAuditLogsExported,
  aksAzurePolicyAddon,
  aksAzureRbac,
  aksKeyvaultSecretsProvider,
  aksKmsEnabled,
  aksLocalAccountsDisabled,
  aksNetworkPolicy,
  aksOidcIssuer,
  aksPrivateOrAuthorizedApi,
  aksAutoUpgradeChannel,
  aksDefenderEnabled,
  aksEgressControlled,
  aksEncryptionAtHost,
  aksImageCleaner,
  aksNoNodePublicIp,
  aksNodeFips,
  aksNodeOsUpgradeChannel,
  aksNodeSshDisabled,
  aksPodPidsLimit,
  aksPrivateEndpoint,
  aksRunCommandDisabled,
  aksSupportedVersion,
  aksUnsafeSysctls,
  aksWorkloadIdentity,
];
