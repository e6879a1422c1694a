// Collects from the Kubernetes API into <snapshot>/kubernetes/: version, every listed kind, and kubelet configz.
import { join } from 'node:path';
import type { FactGap } from '../model/facts.js';
import { InputError, errorMessage } from '../util/errors.js';
import { isRecord, writeFileAtomic } from '../util/fs.js';
import { gapFrom } from './gaps.js';
import { loadKubeConfig, type KubeConfigOptions } from './kube-config.js';
import { collectConfigz, selectNodes, type NodeSelection } from './kube-configz.js';
import { KubeApiError, KubeHttp } from './kube-http.js';
import { collectList, type ListOptions } from './kube-lists.js';
import { KUBE_RESOURCES, inNamespace, type KubeResource } from './kube-resources.js';
import { collectKubeProxyConfig } from './kube-proxy-config.js';
import { mapPool } from './pool.js';
import type { ListBounds } from './page-guard.js';
import type { RetryPolicy } from './retry.js';

const PROGRESS_EVERY_MS = 3000;

export interface KubernetesCollectOptions extends KubeConfigOptions {
  /** The snapshot directory; files go under its kubernetes/ folder. */
  snapshotDir: string;
  nodes?: NodeSelection;
  pageSize?: number;
  /** Hard bounds on pages and objects per list (a hostile or broken server); beyond them the kind is a gap. */
  listBounds?: ListBounds;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Kinds listed at the same time. */
  concurrency?: number;
  resources?: KubeResource[];
  progress?: (line: string) => void;
}

export interface KubernetesCollectResult {
  /** The kubeconfig's cluster name: the default name of the snapshot. */
  clusterName: string;
  server: string;
  collectedKinds: string[];
  /** Objects written per kind, plus `configz` for kubelet configurations. */
  counts: Record<string, number>;
  gaps: FactGap[];
}

export async function collectKubernetes(options: KubernetesCollectOptions): Promise<KubernetesCollectResult> {
  const progress = options.progress ?? (() => undefined);
  const kube = loadKubeConfig(options);
  const http = new KubeHttp(kube, {
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    onRetry: (path, error, wait) =>
      progress(`  retrying GET ${path.split('?')[0]} in ${wait} ms (${error.message})`),
  });
  const dir = join(options.snapshotDir, 'kubernetes');
  const gaps: FactGap[] = [];
  const counts: Record<string, number> = {};
  const collectedKinds: string[] = [];

  progress(`kubernetes: ${http.server} (context ${kube.context})`);
  await collectVersion(http, dir, kube.context, gaps);

  const nodeNames: string[] = [];
  const resources = options.resources ?? KUBE_RESOURCES;
  await mapPool(resources, options.concurrency ?? 4, async (resource) => {
    let lastReport = Date.now();
    const listOptions: ListOptions = {
      pageSize: options.pageSize ?? 500,
      bounds: options.listBounds,
      onPage: (r, total) => {
        // Long lists report at most every few seconds, not once per page.
        if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
        lastReport = Date.now();
        progress(`  ${r.plural}: ${total} so far`);
      },
      onItems:
        resource.kind === 'Node'
          ? (items) => nodeNames.push(...items.map((n) => n.metadata.name))
          : undefined,
    };
    try {
      const count = await collectList(http, resource, dir, listOptions);
      counts[resource.kind] = count;
      collectedKinds.push(resource.kind);
      progress(`  ${resource.plural}: ${count} collected`);
    } catch (error) {
      const partial = await listFallbackNamespaces(http, resource, dir, listOptions, error);
      if (partial) {
        counts[resource.kind] = partial.count;
        gaps.push(partial.gap);
        progress(`  ${resource.plural}: ${partial.gap.reason}`);
      } else {
        gaps.push(gapFrom(`kubernetes:${resource.kind}`, error));
        progress(`  ${resource.plural}: not collected (${errorMessage(error)})`);
      }
    }
  });

  if (await collectKubeProxyConfig(http, dir, gaps, progress)) counts['ConfigMap kube-system/kube-proxy'] = 1;

  const selection = options.nodes ?? 'all';
  if (selection !== 'none') {
    if (!collectedKinds.includes('Node')) {
      gaps.push({
        part: 'kubernetes:configz',
        reason: 'the node list could not be read, so no kubelet configuration was requested',
      });
    } else {
      const nodes = selectNodes(nodeNames, selection);
      progress(`  kubelet configz: ${nodes.length} of ${nodeNames.length} node(s)`);
      const configz = await collectConfigz(http, nodes, dir);
      counts.configz = configz.written;
      gaps.push(...configz.gaps);
    }
  }
  return {
    clusterName: kube.cluster.name,
    server: http.server,
    collectedKinds: collectedKinds.sort(),
    counts,
    gaps: gaps.sort((a, b) => a.part.localeCompare(b.part)),
  };
}

/**
 * /version doubles as the connection check: unreachable or unauthenticated means nothing else will work,
 * so that is one clear error rather than twenty gaps. A 403 is only a gap.
 */
async function collectVersion(http: KubeHttp, dir: string, context: string, gaps: FactGap[]): Promise<void> {
  try {
    const body = await http.getJson('/version');
    if (!isRecord(body) || typeof body.gitVersion !== 'string')
      throw new KubeApiError('GET /version: expected a version object with gitVersion');
    await writeFileAtomic(join(dir, 'version.json'), `${JSON.stringify({ serverVersion: body }, null, 2)}\n`);
  } catch (error) {
    const code = error instanceof KubeApiError ? error.code : undefined;
    if (code === undefined || code === 401) {
      throw new InputError(
        `cannot use the Kubernetes API at ${http.server} (context ${context}): ${errorMessage(error)}`,
      );
    }
    gaps.push(gapFrom('kubernetes:version', error));
  }
}

/**
 * A refused (403) cluster-wide list of a kind that has fallback namespaces: list those namespaces instead.
 * The refusal stays a gap, now naming the namespaces that were listed, so checks needing every namespace
 * still give `error` while facts that live there (kube-system's static pods) can be used.
 */
async function listFallbackNamespaces(
  http: KubeHttp,
  resource: KubeResource,
  dir: string,
  options: ListOptions,
  error: unknown,
): Promise<{ count: number; gap: FactGap } | undefined> {
  const namespaces = resource.fallbackNamespaces ?? [];
  if (namespaces.length === 0 || !(error instanceof KubeApiError) || error.code !== 403) return undefined;
  try {
    const scopes = namespaces.map((namespace) => inNamespace(resource, namespace));
    const count = await collectList(http, resource, dir, options, scopes);
    const refused = gapFrom(`kubernetes:${resource.kind}`, error);
    const listed = `listed only in namespace ${namespaces.join(', ')} (${count} objects)`;
    return { count, gap: { ...refused, reason: `${refused.reason}; ${listed}`, namespaces } };
  } catch {
    return undefined;
  }
}
