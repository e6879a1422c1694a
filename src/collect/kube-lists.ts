// Lists one resource page by page (limit/continue), redacts each item and streams it into kubernetes/<plural>.json.
import { join } from 'node:path';
import type { KubeObject } from '../model/facts.js';
import { redact } from '../facts/kube-objects.js';
import { isRecord } from '../util/fs.js';
import { KubeApiError, type KubeHttp } from './kube-http.js';
import { ListWriter } from './list-writer.js';
import { METADATA_ONLY_ACCEPT, type KubeResource } from './kube-resources.js';

export interface ListOptions {
  pageSize: number;
  /** Called after each page with the running total, for progress lines. */
  onPage?: (resource: KubeResource, total: number) => void;
  /** Sees each stored page (e.g. to keep node names for configz) without holding the whole list. */
  onItems?: (items: KubeObject[]) => void;
}

/**
 * Lists `resource` into `<dir>/<plural>.json`; returns how many objects were written. Throws KubeApiError.
 * `scopes` are the paths listed into that one file: the resource itself (cluster-wide), or it per namespace.
 */
export async function collectList(
  http: KubeHttp,
  resource: KubeResource,
  dir: string,
  options: ListOptions,
  scopes: KubeResource[] = [resource],
): Promise<number> {
  // A continue token can expire on a very long list (410 Gone): start that list again, once.
  for (let attempt = 0; ; attempt++) {
    const writer = new ListWriter(join(dir, `${resource.plural}.json`), `${resource.kind}List`);
    try {
      for (const scope of scopes) await writePages(http, scope, writer, options);
      await writer.finish();
      return writer.written;
    } catch (error) {
      await writer.abort();
      if (error instanceof KubeApiError && error.code === 410 && attempt === 0) continue;
      throw error;
    }
  }
}

async function writePages(
  http: KubeHttp,
  resource: KubeResource,
  writer: ListWriter,
  options: ListOptions,
): Promise<void> {
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(options.pageSize) });
    if (token) query.set('continue', token);
    const path = `${resource.groupPath}/${resource.plural}?${query}`;
    const page = await http.getJson(path, resource.metadataOnly ? METADATA_ONLY_ACCEPT : 'application/json');
    if (!isRecord(page) || !Array.isArray(page.items))
      throw new KubeApiError(`GET ${path}: expected a list with items`);
    const items = page.items.flatMap((item) => toStored(item, resource));
    await writer.add(items);
    options.onItems?.(items);
    options.onPage?.(resource, writer.written);
    const next = isRecord(page.metadata) ? page.metadata.continue : undefined;
    token = typeof next === 'string' && next !== '' ? next : undefined;
  } while (token);
}

/** The object as stored: kind and apiVersion filled in, and what must never reach evidence removed. */
function toStored(item: unknown, resource: KubeResource): KubeObject[] {
  if (!isRecord(item) || !isRecord(item.metadata) || typeof item.metadata.name !== 'string') return [];
  // Metadata-only kinds keep nothing but metadata, whatever the server sent.
  const body = resource.metadataOnly ? { metadata: item.metadata } : item;
  return [redact({ ...body, apiVersion: resource.apiVersion, kind: resource.kind } as KubeObject)];
}
