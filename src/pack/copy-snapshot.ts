// Builds the pack's snapshot/ as an allow-list: only the files the snapshot loader reads, each parsed, redacted and re-serialised.
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { streamLargeJson } from '../facts/json-stream.js';
import { kindFromName } from '../facts/kinds.js';
import { objectsFromDocument, redact } from '../facts/kube-objects.js';
import { parseNodeFacts } from '../facts/node-facts.js';
import { redactDocumentDeep, redactSpec } from '../facts/redact-credentials.js';
import { exists, listDataFiles } from '../facts/snapshot-files.js';
import { parseSnapshotManifest } from '../facts/snapshot-manifest.js';
import type { KubeObject } from '../model/facts.js';
import { t } from '../model/text.js';
import { isRecord, readDataFile, readJsonFile, writeFileAtomic } from '../util/fs.js';
import { scrubText } from '../util/scrub.js';
import { TempTextFile } from '../util/temp-text-file.js';

/** Written into the copy when anything was left out: which files, and why. */
export const LEFT_OUT_FILE = 'left-out.json';

/** Above this size a Kubernetes JSON list is copied item by item, as the loader reads it (src/collect/snapshot.ts). */
const STREAM_JSON_FROM = 16 * 1024 * 1024;

export type FileRole = 'manifest' | 'document' | 'node-facts' | 'kubernetes';

export interface LeftOut {
  path: string;
  reason: string;
}

/**
 * Writes the redacted copy of `from` into `to` and returns the written paths relative to `to` ('/'-separated).
 * A file is copied only when the snapshot loader reads it, found the way the loader finds it (fixed names
 * follow symbolic links, listed folders do not), so the pack's snapshot evaluates exactly as the input did.
 * Everything else (secrets.json.bak, notes.txt, a symlink in a listed folder) is left out and listed in
 * left-out.json and through `onLeftOut`.
 */
export async function copySnapshot(
  from: string,
  to: string,
  onLeftOut?: (entry: LeftOut) => void,
): Promise<string[]> {
  const accepted = await filesTheLoaderReads(from);
  const copied: string[] = [];
  for (const [path, role] of accepted) {
    const rel = relative(from, path).split(sep).join('/');
    await copyOne(path, join(to, ...rel.split('/')), role);
    copied.push(rel);
  }
  const leftOut = await everythingElse(from, new Set(copied));
  if (leftOut.length > 0) {
    for (const entry of leftOut) onLeftOut?.(entry);
    await writeFileAtomic(join(to, LEFT_OUT_FILE), leftOutText(leftOut));
    copied.push(LEFT_OUT_FILE);
  }
  return copied;
}

/** left-out.json: the files not copied, with why. */
export function leftOutText(leftOut: LeftOut[]): string {
  const note = t(
    '以下文件不是快照加载器读取的文件，未复制到证据包中（允许列表）。',
    'These files are not read by the snapshot loader and were not copied into the pack (allow-list).',
  );
  return `${JSON.stringify({ note, files: leftOut }, null, 2)}\n`;
}

/** The loader's own rules (src/collect/snapshot.ts), as path → how the file is read. */
async function filesTheLoaderReads(root: string): Promise<Map<string, FileRole>> {
  const files = new Map<string, FileRole>();
  const fixed = async (path: string, role: FileRole) => {
    if (await exists(path)) files.set(path, role);
  };
  await fixed(join(root, 'snapshot.json'), 'manifest');
  await fixed(join(root, 'azure', 'managed-cluster.json'), 'document');
  await fixed(join(root, 'azure', 'diagnostic-settings.json'), 'document');
  const kube = join(root, 'kubernetes');
  if (await exists(kube)) {
    const versionFile = join(kube, 'version.json');
    await fixed(versionFile, 'document');
    const configzDir = join(kube, 'configz');
    for (const file of await listDataFiles(configzDir)) files.set(file, 'document');
    for (const file of await listDataFiles(kube, true)) {
      if (file === versionFile || file.startsWith(configzDir)) continue;
      files.set(file, 'kubernetes');
    }
  }
  for (const file of await listDataFiles(join(root, 'nodes'))) files.set(file, 'node-facts');
  return files;
}

/** Every entry under `root` (symbolic links not followed) that is not a copied file or a folder leading to one. */
export async function everythingElse(root: string, copied: Set<string>): Promise<LeftOut[]> {
  const folders = new Set<string>();
  for (const path of copied) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const left: LeftOut[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (copied.has(rel)) continue;
      if (entry.isDirectory()) {
        if (folders.has(rel)) await walk(path);
        else left.push({ path: `${rel}/`, reason: 'a folder the snapshot loader does not read' });
      } else if (folders.has(rel)) {
        // A symbolic link to a folder the loader reads through (e.g. kubernetes -> elsewhere): its files were copied.
        continue;
      } else if (entry.isSymbolicLink()) {
        left.push({ path: rel, reason: 'a symbolic link the snapshot loader does not follow here' });
      } else if (!entry.isFile()) {
        left.push({ path: rel, reason: 'not a regular file' });
      } else {
        left.push({
          path: rel,
          reason: 'not a file the snapshot loader reads (see docs/snapshot-format.md)',
        });
      }
    }
  };
  await walk(root);
  return left;
}

async function copyOne(source: string, target: string, role: FileRole): Promise<void> {
  if (role === 'kubernetes') return copyKubernetesFile(source, target);
  await writeFileAtomic(target, documentCopyText(await readJsonFile(source), role, source));
}

/**
 * The copy of a file read whole that is not a Kubernetes file (snapshot.json, ARM documents, version, configz,
 * node facts), from its parsed body, which it changes. Validated as the loader validates it, so a file the loader
 * would refuse never lands in a pack.
 */
export function documentCopyText(
  raw: unknown,
  role: Exclude<FileRole, 'kubernetes'>,
  source: string,
): string {
  if (role === 'manifest') {
    parseSnapshotManifest(raw, source);
    scrubGapReasons(raw);
  }
  if (role === 'node-facts') parseNodeFacts(raw, source);
  return `${JSON.stringify(redactDocumentDeep(raw), null, 2)}\n`;
}

/** Gap reasons quote servers' messages: a token or URL password echoed there is scrubbed again. */
function scrubGapReasons(raw: unknown): void {
  if (!isRecord(raw) || !Array.isArray(raw.gaps)) return;
  for (const gap of raw.gaps)
    if (isRecord(gap) && typeof gap.reason === 'string') gap.reason = scrubText(gap.reason);
}

async function copyKubernetesFile(source: string, target: string): Promise<void> {
  const fileKind = kindFromName(basename(source));
  if (/\.json$/i.test(source) && (await stat(source)).size >= STREAM_JSON_FROM)
    return copyLargeList(source, target, fileKind);
  const docs = (await readDataFile(source)).map((doc) =>
    redactedDocument(doc, objectsFromDocument(doc, source, fileKind)),
  );
  return writeFileAtomic(target, kubernetesCopyText(source, docs));
}

/** The copy of a Kubernetes file read whole, from its documents as redactedDocument gives them. */
export function kubernetesCopyText(source: string, docs: unknown[]): string {
  if (/\.json$/i.test(source)) return `${JSON.stringify(docs[0] ?? null, null, 2)}\n`;
  return docs.map((doc) => stringify(doc)).join('---\n');
}

/**
 * The document as the loader understood it: a List keeps its apiVersion, kind, metadata and its objects
 * (`objects`: what the loader's own objectsFromDocument made of it, validated and redacted); a single object
 * is that object.
 */
export function redactedDocument(doc: unknown, objects: KubeObject[]): unknown {
  if (!isRecord(doc) || !Array.isArray(doc.items)) return objects[0];
  return { apiVersion: doc.apiVersion, kind: doc.kind, metadata: doc.metadata ?? {}, items: objects };
}

/** A list too large to hold as text: items are redacted and written one chunk at a time, the list's header after them. */
async function copyLargeList(source: string, target: string, fileKind: string | undefined): Promise<void> {
  const out = await TempTextFile.open(target);
  try {
    let first = true;
    await out.write(LARGE_LIST_OPENING);
    const skeleton = await streamLargeJson(source, async (items) => {
      for (const item of items) {
        await out.write(largeListItemText(redactedItem(item, source, fileKind), first));
        first = false;
      }
    });
    await out.write(largeListClosing(skeleton));
    await out.commit();
  } catch (error) {
    await out.discard();
    throw error;
  }
}

/** How a large list's copy begins: its items first, as they stream in. */
export const LARGE_LIST_OPENING = '{"items":[\n';

/** One redacted item of a large list's copy (`first`: no separator before it). */
export function largeListItemText(redacted: unknown, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify(redacted)}`;
}

/** The end of a large list's copy: its header, from the document streamLargeJson returned without its items. */
export function largeListClosing(skeleton: unknown): string {
  const header = isRecord(skeleton)
    ? { apiVersion: skeleton.apiVersion, kind: skeleton.kind, metadata: skeleton.metadata ?? {} }
    : {};
  // JSON objects are unordered: the header fields after the items read back the same.
  return `\n],${JSON.stringify(header).slice(1)}\n`;
}

/** One streamed item: validated and redacted like the loader's objects; one whose kind is unknown loses any data. */
export function redactedItem(item: unknown, file: string, fileKind: string | undefined): unknown {
  if (isRecord(item) && !(typeof item.kind === 'string' && item.kind) && !fileKind) {
    // The list's own kind comes after its items: without a kind, treat the item as if it were a Secret.
    delete item.data;
    delete item.stringData;
    // redact replaces the metadata of the object it is given (annotations): keep what it made of it.
    if (isRecord(item.metadata))
      item.metadata = redact({ ...item, kind: 'Unknown' } as unknown as KubeObject).metadata;
    redactSpec(item);
    return item;
  }
  return objectsFromDocument(item, file, fileKind)[0];
}
