// Checks that only Azure ARM facts can decide (AKS): KMS, local accounts, audit log export, add-ons, network and API access.
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
];
