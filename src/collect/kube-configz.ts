// Reads each selected node's kubelet configuration through the API server's node proxy (/configz).
import type { FactGap } from '../model/facts.js';
import { redactDocumentDeep } from '../facts/redact-credentials.js';
import { isRecord, writeFileAtomic } from '../util/fs.js';
import { isDns1123Subdomain, quoteName, resolveInside } from '../util/kube-names.js';
import { gapFrom } from './gaps.js';
import { KubeApiError, type KubeHttp } from './kube-http.js';
import { mapPool } from './pool.js';

/** `all`, `none`, or the first N nodes (by name): configz is one request per node, so big clusters may sample. */
export type NodeSelection = 'all' | 'none' | number;

export function selectNodes(names: readonly string[], selection: NodeSelection): string[] {
  if (selection === 'none') return [];
  const sorted = [...names].sort();
  return selection === 'all' ? sorted : sorted.slice(0, selection);
}

/**
 * Writes kubernetes/configz/NODE.json per node; a failure on one node is a gap `kubernetes:configz:NODE`.
 * A node name is a file name here, and it comes from the server: one that is not a Kubernetes name
 * (DNS-1123 subdomain, e.g. `../../tmp/x`) is refused, never requested nor written, and named in a gap.
 */
export async function collectConfigz(
  http: KubeHttp,
  nodes: readonly string[],
  dir: string,
  concurrency = 8,
): Promise<{ written: number; gaps: FactGap[] }> {
  const gaps: FactGap[] = [];
  let written = 0;
  const valid = nodes.filter((node) => isDns1123Subdomain(node));
  for (const node of nodes.filter((name) => !isDns1123Subdomain(name))) {
    gaps.push({
      part: 'kubernetes:configz',
      reason: `node name ${quoteName(node)} is not a Kubernetes name (DNS-1123 subdomain): refused as a file name, its kubelet configuration was not read`,
    });
  }
  const configzDir = resolveInside(dir, 'configz');
  await mapPool(valid, concurrency, async (node) => {
    try {
      const body = await http.getJson(`/api/v1/nodes/${encodeURIComponent(node)}/proxy/configz`);
      if (!isRecord(body) || !isRecord(body.kubeletconfig))
        throw new KubeApiError('the kubelet answered without a kubeletconfig object');
      await writeFileAtomic(
        resolveInside(configzDir, `${node}.json`),
        `${JSON.stringify(redactDocumentDeep(body), null, 2)}\n`,
      );
      written++;
    } catch (error) {
      gaps.push(gapFrom(`kubernetes:configz:${node}`, error));
    }
  });
  return { written, gaps: gaps.sort((a, b) => a.part.localeCompare(b.part)) };
}
