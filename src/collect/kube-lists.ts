// Lists one resource page by page (limit/continue), redacts each item and streams it into kubernetes/<plural>.json.
import { join } from 'node:path';
import type { KubeObject } from '../model/facts.js';
import { redact } from '../facts/kube-objects.js';
import { isRecord } from '../util/fs.js';
import { KubeApiError, type KubeHttp } from './kube-http.js';
import { ListWriter } from './list-writer.js';
import { METADATA_ONLY_ACCEPT, type KubeResource } from './kube-resources.js';
import { DEFAULT_LIST_BOUNDS, PageGuard, type ListBounds } from './page-guard.js';

export interface ListOptions {
  pageSize: number;
  /** Hard bounds on pages and objects per list; a list beyond them is a gap. */
  bounds?: ListBounds;
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
    const guard = new PageGuard(
      `${resource.groupPath}/${resource.plural}`,
      options.bounds ?? DEFAULT_LIST_BOUNDS,
      options.pageSize,
    );
    try {
      for (const scope of scopes) {
        guard.nextScope();
        await writePages(http, scope, writer, options, guard);
      }
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
  guard: PageGuard,
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
    const next = isRecord(page.metadata) ? page.metadata.continue : undefined;
    token = typeof next === 'string' && next !== '' ? next : undefined;
    // Checked before the page is stored: a list that repeats or never ends is a gap, not a short file.
    guard.page(
      items.map(identities),
      token,
      isRecord(page.metadata) ? page.metadata.remainingItemCount : undefined,
    );
    await writer.add(items);
    options.onItems?.(items);
    options.onPage?.(resource, writer.written);
  } while (token);
}

/**
 * What makes an object itself across pages: its namespace/name, and its uid when the server sent one.
 * Either seen twice means a page was served again (the loader would keep one copy: a silently short list).
 */
function identities(object: KubeObject): string[] {
  const uid = object.metadata.uid;
  const name = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
  return typeof uid === 'string' && uid !== '' ? [`uid ${uid}`, name] : [name];
}

/** The object as stored: kind and apiVersion filled in, and what must never reach evidence removed. */
function toStored(item: unknown, resource: KubeResource): KubeObject[] {
  if (!isRecord(item) || !isRecord(item.metadata) || typeof item.metadata.name !== 'string') return [];
  // Metadata-only kinds keep nothing but metadata, whatever the server sent.
  const body = resource.metadataOnly ? { metadata: item.metadata } : item;
  return [redact({ ...body, apiVersion: resource.apiVersion, kind: resource.kind } as KubeObject)];
}
