// Turns Azure SDK and credential errors into one short reason that names the subscription, group and cluster.
import { errorMessage } from '../util/errors.js';
import { scrubText } from '../util/scrub.js';
import type { AzureTarget } from './azure-arm.js';

export function describeArmError(error: unknown, target: AzureTarget): { reason: string; code?: number } {
  const where = `managed cluster "${target.clusterName}" in resource group "${target.resourceGroup}", subscription ${target.subscriptionId}`;
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  const code = typeof status === 'number' ? status : undefined;
  const name = error instanceof Error ? error.name : '';
  // Credential errors list every source DefaultAzureCredential tried, over many lines: keep the first.
  const detail = scrubText(errorMessage(error).split('\n')[0]!.trim()).slice(0, 300);
  if (
    name === 'CredentialUnavailableError' ||
    name === 'AuthenticationError' ||
    name === 'AggregateAuthenticationError'
  ) {
    return {
      reason: `no usable Azure credential for ${where} (sign in with az login, or set a workload/managed identity): ${detail}`,
    };
  }
  if (code === 401) return { reason: `401 Unauthorized reading ${where}: ${detail}`, code };
  if (code === 403)
    return {
      reason: `403 Forbidden reading ${where} (the Reader role on the cluster resource is needed): ${detail}`,
      code,
    };
  if (code === 404)
    return { reason: `404 Not Found: ${where} does not exist or is not visible: ${detail}`, code };
  return code === undefined
    ? { reason: `cannot read ${where}: ${detail}` }
    : { reason: `${code} reading ${where}: ${detail}`, code };
}
