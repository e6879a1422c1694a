// Checks that only Azure ARM facts can decide (AKS): KMS, local accounts, audit log export, add-ons.
import type { Check } from '../model/check.js';
import aksAuditLogsExported from './azure/audit-logs-exported.js';
import aksKmsEnabled from './azure/kms-enabled.js';
import aksLocalAccountsDisabled from './azure/local-accounts-disabled.js';

export const AZURE_CHECKS: readonly Check[] = [aksAuditLogsExported, aksKmsEnabled, aksLocalAccountsDisabled];
