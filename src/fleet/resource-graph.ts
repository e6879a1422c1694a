// Every AKS managed cluster visible to the credential, from one paged Azure Resource Graph query ($skipToken), with its ARM properties.
import type { Agent } from 'node:http';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { errorMessage } from '../util/errors.js';

/** The managed clusters with everything the snapshot loader reads from `az aks show` or the ARM body. */
export const MANAGED_CLUSTERS_QUERY = [
  'resources',
  "| where type =~ 'microsoft.containerservice/managedclusters'",
  '| project id, name, type, location, resourceGroup, subscriptionId, tags, sku, identity, kind, extendedLocation, properties',
  '| order by id asc',
].join('\n');

export interface GraphScope {
  /** Subscription ids; with neither these nor a management group, every subscription the identity can read. */
  subscriptions?: string[];
  managementGroup?: string;
}

export interface GraphOptions extends GraphScope {
  credential?: TokenCredential;
  /** Resource Manager endpoint (tests, sovereign clouds); https://management.azure.com otherwise. */
  endpoint?: string;
  /** Rows per page (Resource Graph allows up to 1,000). */
  pageSize?: number;
  /** HTTP(S) agents, e.g. one trusting a test CA. */
  agents?: { http: Agent; https: Agent };
  onPage?: (rows: number, total: number) => void;
  onThrottled?: (waitMs: number) => void;
}

/** One row of the query: the ARM resource body of a managed cluster (properties in wire casing). */
export interface GraphCluster {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location?: string;
  body: Record<string, unknown>;
}

/** Resource Graph refused or could not be reached; the message names the status and never a token. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Yields the clusters page by page; a 429 is retried after its Retry-After. */
export async function* queryManagedClusters(options: GraphOptions): AsyncGenerator<GraphCluster> {
  const client = new ResourceGraphClient(options.credential ?? new DefaultAzureCredential(), {
    ...(options.endpoint ? { baseUri: options.endpoint } : {}),
    ...(options.agents ? { agentSettings: options.agents } : {}),
  });
  let skipToken: string | undefined;
  let total = 0;
  do {
    const request = {
      query: MANAGED_CLUSTERS_QUERY,
      ...(options.subscriptions?.length ? { subscriptions: options.subscriptions } : {}),
      ...(options.managementGroup ? { managementGroups: [options.managementGroup] } : {}),
      options: {
        resultFormat: 'objectArray' as const,
        top: options.pageSize ?? 1000,
        ...(skipToken ? { skipToken } : {}),
      },
    };
    const page = await withThrottling(() => client.resources(request), options);
    const rows = Array.isArray(page.data) ? (page.data as unknown[]) : [];
    for (const row of rows) {
      const cluster = toCluster(row);
      if (cluster) {
        total += 1;
        yield cluster;
      }
    }
    options.onPage?.(rows.length, total);
    skipToken = page.skipToken || undefined;
  } while (skipToken);
}

/** Resource Graph throttles per user (429 with Retry-After): wait as told, a few times, then give up with the reason. */
async function withThrottling<T>(call: () => Promise<T>, options: GraphOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const e = error as {
        statusCode?: number;
        response?: { headers?: { get(name: string): string | undefined } };
      };
      if (e?.statusCode !== 429 || attempt >= MAX_ATTEMPTS) throw describeGraphError(error, options);
      const seconds = Number(e.response?.headers?.get('retry-after'));
      const waitMs = Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 5000, MAX_WAIT_MS);
      options.onThrottled?.(waitMs);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

const MAX_ATTEMPTS = 4;
const MAX_WAIT_MS = 60_000;

function toCluster(row: unknown): GraphCluster | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const r = row as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.name !== 'string') return undefined;
  const { subscriptionId, ...body } = r;
  return {
    id: r.id,
    name: r.name,
    resourceGroup: typeof r.resourceGroup === 'string' ? r.resourceGroup : '',
    subscriptionId: typeof subscriptionId === 'string' ? subscriptionId : '',
    location: typeof r.location === 'string' ? r.location : undefined,
    body,
  };
}

function describeGraphError(error: unknown, scope: GraphScope): GraphError {
  const where = scope.managementGroup
    ? `management group ${scope.managementGroup}`
    : scope.subscriptions?.length
      ? `subscriptions ${scope.subscriptions.join(', ')}`
      : 'every subscription of the credential';
  const e = error as { statusCode?: number; code?: string; name?: string };
  const detail = errorMessage(error).split('\n')[0]!.trim().slice(0, 300);
  if (e?.name === 'CredentialUnavailableError' || e?.name === 'AggregateAuthenticationError')
    return new GraphError(`no usable Azure credential for Resource Graph (${where}): ${detail}`);
  if (e?.statusCode === 403)
    return new GraphError(
      `403 Forbidden querying Resource Graph over ${where} (Reader on the subscriptions or management group is needed): ${detail}`,
      403,
    );
  if (e?.statusCode === 429)
    return new GraphError(
      `429 Too Many Requests from Resource Graph over ${where}, still throttled after retries: ${detail}`,
      429,
    );
  return new GraphError(
    `${e?.statusCode ?? 'cannot reach'} Resource Graph over ${where}: ${detail}`,
    typeof e?.statusCode === 'number' ? e.statusCode : undefined,
  );
}
