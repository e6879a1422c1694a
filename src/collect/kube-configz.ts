// Reads each selected node's kubelet configuration through the API server's node proxy (/configz).
import { join } from 'node:path';
import type { FactGap } from '../model/facts.js';
import { isRecord, writeFileAtomic } from '../util/fs.js';
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

/** Writes kubernetes/configz/NODE.json per node; a failure on one node is a gap `kubernetes:configz:NODE`. */
export async function collectConfigz(
  http: KubeHttp,
  nodes: readonly string[],
  dir: string,
  concurrency = 8,
): Promise<{ written: number; gaps: FactGap[] }> {
  const gaps: FactGap[] = [];
  let written = 0;
  await mapPool(nodes, concurrency, async (node) => {
    try {
      const body = await http.getJson(`/api/v1/nodes/${encodeURIComponent(node)}/proxy/configz`);
      if (!isRecord(body) || !isRecord(body.kubeletconfig))
        throw new KubeApiError('the kubelet answered without a kubeletconfig object');
      await writeFileAtomic(join(dir, 'configz', `${node}.json`), `${JSON.stringify(body, null, 2)}\n`);
      written++;
    } catch (error) {
      gaps.push(gapFrom(`kubernetes:configz:${node}`, error));
    }
  });
  return { written, gaps: gaps.sort((a, b) => a.part.localeCompare(b.part)) };
}
