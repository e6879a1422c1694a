// Reads the AKS managed cluster, its agent pools and its diagnostic settings from Azure ARM into <snapshot>/azure/.
import { join } from 'node:path';
import {
  ContainerServiceClient,
  type ContainerServiceClientOptionalParams,
} from '@azure/arm-containerservice';
import { MonitorClient } from '@azure/arm-monitor';
import { DefaultAzureCredential } from '@azure/identity';
import type { FactGap } from '../model/facts.js';
import { redactDocumentDeep } from '../facts/redact-credentials.js';
import { writeFileAtomic } from '../util/fs.js';
import { describeArmError } from './azure-errors.js';

export type AzureCredential = ConstructorParameters<typeof ContainerServiceClient>[0];
export type AzureCloud = NonNullable<ContainerServiceClientOptionalParams['cloudSetting']>;

export interface AzureTarget {
  subscriptionId: string;
  resourceGroup: string;
  clusterName: string;
}

export interface AzureCollectOptions extends AzureTarget {
  snapshotDir: string;
  /** Defaults to DefaultAzureCredential; nothing is stored. Tests inject a static credential. */
  credential?: AzureCredential;
  /** ARM endpoint (tests, private clouds); otherwise the cloud's own. */
  endpoint?: string;
  cloud?: AzureCloud;
  /** Extra client options (retries, pipeline policies), e.g. to trust a test CA. */
  clientOptions?: Pick<
    ContainerServiceClientOptionalParams,
    'retryOptions' | 'additionalPolicies' | 'httpClient'
  >;
  progress?: (line: string) => void;
  /** Time for each whole call (a pager: all its pages); a server trickling its answer is cut here. */
  timeoutMs?: number;
}

export interface AzureCollectResult {
  gaps: FactGap[];
  /** Number of agent pools and diagnostic settings written, for the summary. */
  counts: Record<string, number>;
}

/** Each part that fails becomes a gap (`azure:managedCluster`, `azure:agentPools`, `azure:diagnosticSettings`). */
export async function collectAzure(options: AzureCollectOptions): Promise<AzureCollectResult> {
  const progress = options.progress ?? (() => undefined);
  const credential = options.credential ?? new DefaultAzureCredential();
  const clientOptions = {
    ...options.clientOptions,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.cloud ? { cloudSetting: options.cloud } : {}),
  };
  const containers = new ContainerServiceClient(credential, options.subscriptionId, clientOptions);
  const dir = join(options.snapshotDir, 'azure');
  const { resourceGroup: group, clusterName: name } = options;
  const gaps: FactGap[] = [];
  const counts: Record<string, number> = {};
  const fail = (part: string, error: unknown) => gaps.push({ part, ...describeArmError(error, options) });
  const bounded = () => ({ abortSignal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });

  progress(`azure: managed cluster ${name} in ${group} (subscription ${options.subscriptionId})`);
  let clusterId: string | undefined;
  try {
    const cluster = await containers.managedClusters.get(group, name, bounded());
    clusterId = cluster.id;
    await writeJson(join(dir, 'managed-cluster.json'), cluster);
    counts.managedCluster = 1;
  } catch (error) {
    fail('azure:managedCluster', error);
    // Without the cluster, the other parts would fail for the same reason: record them with it.
    const reason = gaps[0]!;
    gaps.push({ ...reason, part: 'azure:agentPools' }, { ...reason, part: 'azure:diagnosticSettings' });
    return { gaps, counts };
  }

  try {
    const pools: unknown[] = [];
    for await (const pool of containers.agentPools.list(group, name, bounded())) pools.push(pool);
    await writeJson(join(dir, 'agent-pools.json'), pools);
    counts.agentPools = pools.length;
  } catch (error) {
    fail('azure:agentPools', error);
  }

  try {
    const monitor = new MonitorClient(credential, options.subscriptionId, clientOptions);
    // The API wants the resource id without its leading slash.
    const resourceUri = (
      clusterId ??
      `/subscriptions/${options.subscriptionId}/resourceGroups/${group}/providers/Microsoft.ContainerService/managedClusters/${name}`
    ).replace(/^\//, '');
    const settings: unknown[] = [];
    for await (const setting of monitor.diagnosticSettings.list(resourceUri, bounded()))
      settings.push(setting);
    await writeJson(join(dir, 'diagnostic-settings.json'), settings);
    counts.diagnosticSettings = settings.length;
  } catch (error) {
    fail('azure:diagnosticSettings', error);
  }
  return { gaps, counts };
}

/** Written redacted: a credential-named field (a service principal secret, an admin password) never reaches the snapshot. */
async function writeJson(file: string, value: unknown): Promise<void> {
  const plain: unknown = JSON.parse(JSON.stringify(value));
  await writeFileAtomic(file, `${JSON.stringify(redactDocumentDeep(plain), null, 2)}\n`);
}
