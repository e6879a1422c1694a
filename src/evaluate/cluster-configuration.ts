// The ARM settings a pack's scope section shows (security features, upgrades, node pools), and warnings about the facts themselves.
import type { Facts, JsonValue } from '../model/facts.js';
import type { SupportCalendar } from '../model/support-calendar.js';
import { t, type Text } from '../model/text.js';
import { readPath } from '../facts/managed-cluster.js';

/** Cluster-level fields, in the order the scope section lists them. */
const CLUSTER_FIELDS = [
  'provisioningState',
  'currentKubernetesVersion',
  'supportPlan',
  'sku.tier',
  'aadProfile.managed',
  'aadProfile.enableAzureRbac',
  'disableLocalAccounts',
  'apiServerAccessProfile.enablePrivateCluster',
  'apiServerAccessProfile.enablePrivateClusterPublicFqdn',
  'apiServerAccessProfile.authorizedIpRanges',
  'apiServerAccessProfile.disableRunCommand',
  'publicNetworkAccess',
  'networkProfile.networkPolicy',
  'networkProfile.outboundType',
  'securityProfile.defender.securityMonitoring.enabled',
  'securityProfile.workloadIdentity.enabled',
  'securityProfile.imageCleaner.enabled',
  'securityProfile.azureKeyVaultKms.enabled',
  'oidcIssuerProfile.enabled',
  'autoUpgradeProfile.upgradeChannel',
  'autoUpgradeProfile.nodeOsUpgradeChannel',
  'addonProfiles.azurepolicy.enabled',
];

/** Per-pool fields. */
const POOL_FIELDS = [
  'mode',
  'orchestratorVersion',
  'nodeImageVersion',
  'provisioningState',
  'enableNodePublicIp',
  'enableFips',
  'enableEncryptionAtHost',
  'securityProfile.sshAccess',
  'kubeletConfig.podMaxPids',
  'kubeletConfig.allowedUnsafeSysctls',
];

export interface ConfigurationRow {
  path: string;
  /** The value as ARM gave it; null when the payload does not carry the field. */
  value: JsonValue;
}

export function clusterConfiguration(facts: Facts): ConfigurationRow[] {
  const cluster = facts.azure.managedCluster;
  if (!cluster) return [];
  const rows: ConfigurationRow[] = CLUSTER_FIELDS.map((path) => ({
    path,
    value: readPath(cluster, path) ?? null,
  }));
  const pools = readPath(cluster, 'agentPoolProfiles');
  if (Array.isArray(pools)) {
    pools.forEach((pool, index) => {
      const name = readPath(pool, 'name');
      const label = typeof name === 'string' ? name : `#${index}`;
      for (const path of POOL_FIELDS)
        rows.push({ path: `agentPoolProfiles[${label}].${path}`, value: readPath(pool, path) ?? null });
    });
  }
  return rows;
}

/** Warnings the reader needs before trusting the results: ARM facts taken mid-change, the date of dated data. */
export function factNotes(facts: Facts, calendar: SupportCalendar | undefined): Text[] {
  const cluster = facts.azure.managedCluster;
  if (!cluster) return [];
  const notes: Text[] = [];
  const changing: string[] = [];
  const state = readPath(cluster, 'provisioningState');
  if (typeof state === 'string' && state !== 'Succeeded') changing.push(`provisioningState ${state}`);
  const pools = readPath(cluster, 'agentPoolProfiles');
  if (Array.isArray(pools))
    for (const pool of pools) {
      const poolState = readPath(pool, 'provisioningState');
      if (typeof poolState === 'string' && poolState !== 'Succeeded')
        changing.push(`agentPoolProfiles[${String(readPath(pool, 'name'))}].provisioningState ${poolState}`);
    }
  if (changing.length > 0)
    notes.push(
      t(
        `采集时托管群集正在变更（${changing.join('；')}）：ARM 事实可能处于中间状态，请在操作完成后重新采集并核对结果`,
        `The managed cluster was changing when collected (${changing.join('; ')}): its ARM facts may be mid-change, so collect again once the operation completes and compare`,
      ),
    );
  if (calendar)
    notes.push(
      t(
        `版本支持状态依据 ${calendar.title.zh}（截至 ${calendar.asOf}，来源 ${calendar.source}）`,
        `Version support is judged by the ${calendar.title.en} as of ${calendar.asOf} (source ${calendar.source})`,
      ),
    );
  return notes;
}
