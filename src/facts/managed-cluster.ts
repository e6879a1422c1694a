// Normalises the managed cluster from `az aks show` output or the ARM REST body to the Azure SDK's shape.
import type { JsonObject, JsonValue } from '../model/facts.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';

/**
 * Wire (ARM REST) and SDK names that `az aks show` spells differently. The az/SDK camel-case shape is
 * canonical; every source (az output, ARM body, the SDK's model) is renamed to it once, on load.
 */
const WIRE_TO_SDK: Record<string, string> = {
  enableRBAC: 'enableRbac',
  enableAzureRBAC: 'enableAzureRbac',
  enableFIPS: 'enableFips',
  enableVTPM: 'enableVtpm',
  privateFQDN: 'privateFqdn',
  azurePortalFQDN: 'azurePortalFqdn',
  enablePrivateClusterPublicFQDN: 'enablePrivateClusterPublicFqdn',
  // The SDK keeps the wire's issuerURL while az prints issuerUrl: one spelling for all three sources.
  issuerURL: 'issuerUrl',
  podCIDR: 'podCidr',
  podCIDRs: 'podCidrs',
  serviceCIDR: 'serviceCidr',
  serviceCIDRs: 'serviceCidrs',
  enableCSIDriver: 'enableCsiDriver',
  // Agent pools, API server access and upgrades: the wire keeps the acronyms upper-case, az does not.
  enableNodePublicIP: 'enableNodePublicIp',
  nodePublicIPPrefixID: 'nodePublicIpPrefixId',
  authorizedIPRanges: 'authorizedIpRanges',
  nodeOSUpgradeChannel: 'nodeOsUpgradeChannel',
  enableUltraSSD: 'enableUltraSsd',
  vnetSubnetID: 'vnetSubnetId',
  podSubnetID: 'podSubnetId',
  osSKU: 'osSku',
  osDiskSizeGB: 'osDiskSizeGb',
  logAnalyticsWorkspaceResourceID: 'logAnalyticsWorkspaceResourceId',
};

/** Top-level ARM resource fields that stay beside the flattened `properties`. */
const RESOURCE_FIELDS = [
  'id',
  'name',
  'type',
  'location',
  'tags',
  'sku',
  'identity',
  'extendedLocation',
  'kind',
  'resourceGroup',
];

export function normaliseManagedCluster(raw: unknown, file: string): JsonObject {
  if (!isRecord(raw))
    throw InputError.at(
      file,
      undefined,
      'expected a JSON object (the output of `az aks show -o json` or the ARM body of the managed cluster)',
    );
  if (Array.isArray(raw.value)) {
    const count = raw.value.length;
    throw InputError.at(
      file,
      'value',
      `holds a list of ${count} managed cluster${count === 1 ? '' : 's'}; pass one cluster: \`az aks show -g RESOURCE_GROUP -n NAME -o json\``,
    );
  }
  let flat: Record<string, unknown>;
  if (isRecord(raw.properties)) {
    flat = { ...raw.properties };
    for (const field of RESOURCE_FIELDS) if (raw[field] !== undefined) flat[field] = raw[field];
  } else if ('properties' in raw) {
    throw InputError.at(file, 'properties', 'expected an object');
  } else {
    flat = { ...raw };
  }
  // An ARM body may omit `name`; its id ends in `/managedClusters/NAME`.
  if ((flat.name === undefined || flat.name === '') && typeof flat.id === 'string') {
    const match = /\/managedClusters\/([^/]+)\/?$/i.exec(flat.id);
    if (match) flat.name = match[1];
  }
  if (typeof flat.name !== 'string' || flat.name === '')
    throw InputError.at(
      file,
      'name',
      'expected the cluster name (a non-empty string), or an id ending in /managedClusters/NAME',
    );
  if (
    !('kubernetesVersion' in flat) &&
    !('currentKubernetesVersion' in flat) &&
    !('provisioningState' in flat)
  ) {
    throw InputError.at(
      file,
      'properties',
      'expected a managed cluster (no kubernetesVersion, currentKubernetesVersion or provisioningState found)',
    );
  }
  return renameKeys(flat) as JsonObject;
}

function renameKeys(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(renameKeys);
  if (!isRecord(value)) return (value ?? null) as JsonValue;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    out[WIRE_TO_SDK[key] ?? key] = renameKeys(inner);
  }
  return out;
}

/** Reads a dotted path (`securityProfile.azureKeyVaultKms.enabled`) from the normalised cluster. */
export function readPath(object: JsonValue | undefined, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = object;
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    // Addon profile names differ in case between tools (azurepolicy vs azurePolicy): match case-insensitively.
    const record: JsonObject = current;
    const key =
      part in record ? part : Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? undefined : record[key];
  }
  return current;
}
