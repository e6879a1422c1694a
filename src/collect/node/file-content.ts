// Parses the small, non-secret configuration files the checks read; everything else (kubeconfigs, keys) is never opened.
import { open } from 'node:fs/promises';
import { parse } from 'yaml';
import type { JsonValue, KubeObject } from '../../model/facts.js';
import { redact } from '../../facts/kube-objects.js';
import { isRecord } from '../../util/fs.js';

/** What kind of content a file may contribute. */
export type ContentKind = 'config' | 'static-pod' | 'encryption-providers';

export const MAX_CONTENT_BYTES = 256 * 1024;

/** Reads and parses `hostPath`; undefined when too big, unreadable or not YAML/JSON. */
export async function readContent(hostPath: string, kind: ContentKind): Promise<JsonValue | undefined> {
  const handle = await open(hostPath, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    if (size > MAX_CONTENT_BYTES) return undefined;
    const parsed: unknown = parse(await handle.readFile('utf8'), { maxAliasCount: 100 });
    if (!isRecord(parsed)) return undefined;
    if (kind === 'static-pod') return staticPod(parsed);
    if (kind === 'encryption-providers') return encryptionProviders(parsed);
    return parsed as JsonValue;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** A static pod manifest, with env values and the last-applied annotation removed like any pod. */
function staticPod(parsed: Record<string, unknown>): JsonValue {
  if (!isRecord(parsed.metadata) || typeof parsed.metadata.name !== 'string') return parsed as JsonValue;
  return redact({
    ...parsed,
    kind: typeof parsed.kind === 'string' ? parsed.kind : 'Pod',
  } as KubeObject) as unknown as JsonValue;
}

/** EncryptionConfiguration: which providers protect which resources, in order; the keys never leave the file. */
function encryptionProviders(parsed: Record<string, unknown>): JsonValue {
  const resources = Array.isArray(parsed.resources) ? parsed.resources : [];
  return {
    kind: typeof parsed.kind === 'string' ? parsed.kind : null,
    resources: resources.filter(isRecord).map((entry) => ({
      resources: Array.isArray(entry.resources)
        ? entry.resources.filter((r): r is string => typeof r === 'string')
        : [],
      providers: Array.isArray(entry.providers)
        ? entry.providers.filter(isRecord).flatMap((p) => Object.keys(p))
        : [],
    })),
  };
}
