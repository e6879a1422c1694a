// Loads a snapshot directory (azure/, kubernetes/, nodes/, snapshot.json) into Facts; see docs/snapshot-format.md.
import { stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type {
  DiagnosticSetting,
  Facts,
  FactGap,
  FactSource,
  JsonObject,
  KubeObject,
  NodeFacts,
} from '../model/facts.js';
import { emptyFacts } from '../model/facts.js';
import { normaliseDiagnosticSettings, settingsOfCluster } from '../facts/diagnostic-settings.js';
import { compactObject } from '../facts/compact.js';
import { SubtreePool } from '../facts/share-subtrees.js';
import { streamLargeJson } from '../facts/json-stream.js';
import { kindFromName } from '../facts/kinds.js';
import { isNamedObject, objectKey, objectsFromDocument, redact } from '../facts/kube-objects.js';
import { normaliseManagedCluster } from '../facts/managed-cluster.js';
import {
  auditAzureFiles,
  auditKubeletConfig,
  auditKubernetes,
  auditManagedCluster,
  auditNodeCoverage,
  type ListRead,
} from '../facts/ledger.js';
import { parseNodeFacts } from '../facts/node-facts.js';
import type { DocumentRole, ListCopySink, SnapshotCopySink } from './copy-sink.js';
import { exists, listDataFiles } from '../facts/snapshot-files.js';
import { parseSnapshotManifest, type SnapshotManifest } from '../facts/snapshot-manifest.js';
import { InputError } from '../util/errors.js';
import { HeapBudget } from '../util/heap.js';
import { isRecord, readDataFile, readJsonFile } from '../util/fs.js';

export interface LoadProgress {
  /** Called after each Kubernetes file with the number of objects it held. */
  onObjects?: (count: number) => void;
}

export interface LoadOptions extends LoadProgress {
  /**
   * Receives every file as it is read, to write the pack's redacted copy from the same parse
   * (src/pack/copy-while-loading.ts); finished when the load succeeds, aborted when it fails.
   */
  copy?: SnapshotCopySink;
}

export async function loadSnapshot(dir: string, options: LoadOptions = {}): Promise<Facts> {
  try {
    const facts = await load(dir, options);
    await options.copy?.finish();
    return facts;
  } catch (error) {
    await options.copy?.abort();
    throw error;
  }
}

async function load(dir: string, progress: LoadOptions): Promise<Facts> {
  const copy = progress.copy;
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw InputError.at(dir, undefined, 'snapshot directory not found');
  if (!info.isDirectory())
    throw InputError.at(
      dir,
      undefined,
      'expected a snapshot directory (with azure/, kubernetes/ or nodes/ inside)',
    );

  const manifest = await readManifest(dir, copy);
  const facts = emptyFacts(basename(dir), manifest?.collectedAt ?? info.mtime.toISOString());
  const source: FactSource = manifest?.source ?? 'snapshot';
  const timeOf = async (file: string) => manifest?.collectedAt ?? (await stat(file)).mtime.toISOString();
  const origin = async (part: string, file: string, src: FactSource = source) =>
    facts.origins.set(part, { source: src, file: relative(dir, file), time: await timeOf(file) });

  const read = readFor(copy);
  await loadAzure(dir, facts, origin, read);
  const reads: ListRead[] = [];
  await loadKubernetes(dir, facts, origin, reads, progress, read);
  await loadNodes(dir, facts, origin, read);

  // snapshot.json's kinds and gaps are claims: a kind counts as collected only when its list was read completely.
  const claimedGaps = manifest?.gaps ?? [];
  facts.gaps.push(...claimedGaps);
  const ledger = auditKubernetes(reads, {
    collectedKinds: manifest?.collectedKinds ?? [],
    gaps: claimedGaps,
    file: 'snapshot.json',
  });
  facts.gaps.push(...ledger.gaps);
  for (const kind of ledger.observed) facts.kubernetes.collectedKinds.add(kind);
  const provider = manifest?.cluster?.provider ?? (facts.azure.managedCluster ? 'aks' : undefined);
  facts.gaps.push(...auditAzureFiles(facts, provider));
  facts.gaps.push(...auditNodeCoverage(facts, ledger.observed, provider === 'aks'));
  const managed = facts.azure.managedCluster;
  facts.cluster = {
    name: manifest?.cluster?.name ?? (typeof managed?.name === 'string' ? managed.name : basename(dir)),
    provider: manifest?.cluster?.provider ?? (managed ? 'aks' : undefined),
    location: typeof managed?.location === 'string' ? managed.location : undefined,
    resourceId: typeof managed?.id === 'string' ? managed.id : undefined,
    kubernetesVersion: clusterVersion(facts, managed),
  };
  return facts;
}

type OriginFn = (part: string, file: string, source?: FactSource) => Promise<unknown>;
/** Reads a JSON file whole (snapshot.json, azure/, version, configz, node facts), handing it to the copy sink first. */
type ReadFn = (file: string, role: DocumentRole) => Promise<unknown>;

function readFor(copy: SnapshotCopySink | undefined): ReadFn {
  return async (file, role) => {
    const raw = await readJsonFile(file);
    await copy?.document(file, role, raw);
    return raw;
  };
}

async function readManifest(
  dir: string,
  copy: SnapshotCopySink | undefined,
): Promise<SnapshotManifest | undefined> {
  const file = join(dir, 'snapshot.json');
  if (!(await exists(file))) return undefined;
  return parseSnapshotManifest(await readFor(copy)(file, 'manifest'), file);
}

async function loadAzure(dir: string, facts: Facts, origin: OriginFn, read: ReadFn): Promise<void> {
  const clusterFile = join(dir, 'azure', 'managed-cluster.json');
  if (await exists(clusterFile)) {
    facts.azure.managedCluster = normaliseManagedCluster(await read(clusterFile, 'document'), clusterFile);
    await origin('azure:managedCluster', clusterFile);
    const mistyped = auditManagedCluster(facts.azure.managedCluster, relative(dir, clusterFile));
    if (mistyped) facts.gaps.push(mistyped);
  }
  const diagnosticsFile = join(dir, 'azure', 'diagnostic-settings.json');
  if (await exists(diagnosticsFile)) {
    const settings = normaliseDiagnosticSettings(await read(diagnosticsFile, 'document'), diagnosticsFile);
    await origin('azure:diagnosticSettings', diagnosticsFile);
    const clusterId = facts.azure.managedCluster?.id;
    const shown = relative(dir, diagnosticsFile);
    if (typeof clusterId !== 'string') {
      facts.azure.diagnosticSettings = [];
      if (settings.length > 0) facts.gaps.push(unattachedSettings(shown));
    } else {
      const { own, other } = settingsOfCluster(settings, clusterId);
      facts.azure.diagnosticSettings = own;
      if (other.length > 0) facts.gaps.push(foreignSettings(shown, other, own.length));
    }
  }
}

function unattachedSettings(file: string): FactGap {
  return {
    part: 'azure:diagnosticSettings',
    reason: `${file}: without azure/managed-cluster.json (and its id) no setting can be shown to belong to this cluster`,
    reasonZh: `${file}：缺少 azure/managed-cluster.json（及其 id），无法证明任何诊断设置属于本群集`,
  };
}

/**
 * Settings attached to another resource never count as this cluster's. When none of the cluster's own remain, the
 * part is a gap (the audit-log export is unobserved); otherwise the others are only listed.
 */
function foreignSettings(file: string, other: DiagnosticSetting[], own: number): FactGap {
  const names = other.map((s) => `${s.name || '(unnamed)'} (${s.id ?? 'no id'})`).join(', ');
  return {
    part: own > 0 ? 'azure:otherResourceDiagnosticSettings' : 'azure:diagnosticSettings',
    reason: `${file}: ${other.length} setting(s) not attached to this cluster's id, not counted: ${names}`,
    reasonZh: `${file}：${other.length} 个诊断设置并非挂在本群集的 id 上，未计入：${names}`,
  };
}

async function loadKubernetes(
  dir: string,
  facts: Facts,
  origin: OriginFn,
  reads: ListRead[],
  progress: LoadOptions,
  read: ReadFn,
): Promise<void> {
  const root = join(dir, 'kubernetes');
  if (!(await exists(root))) return;
  const versionFile = join(root, 'version.json');
  if (await exists(versionFile)) {
    facts.kubernetes.version = parseVersion(await read(versionFile, 'document'), versionFile);
    await origin('kubernetes:version', versionFile);
  }
  const configzDir = join(root, 'configz');
  for (const file of await listDataFiles(configzDir)) {
    const node = basename(file).replace(/\.json$/i, '');
    const body = await read(file, 'document');
    const config = isRecord(body) && isRecord(body.kubeletconfig) ? body.kubeletconfig : undefined;
    if (!config)
      throw InputError.at(
        file,
        'kubeletconfig',
        'expected the output of `kubectl get --raw /api/v1/nodes/NODE/proxy/configz`',
      );
    facts.kubernetes.configz.set(node, config as JsonObject);
    await origin(`kubernetes:configz:${node}`, file);
    const mistyped = auditKubeletConfig(node, config as JsonObject, relative(dir, file));
    if (mistyped) facts.gaps.push(mistyped);
  }

  const byKind = new Map<string, Map<string, KubeObject>>();
  // Objects are compacted as they are read (src/facts/compact.ts), and what repeats is held once (share-subtrees.ts).
  const compact = new Compactor();
  for (const file of await listDataFiles(root, true)) {
    if (file === versionFile || file.startsWith(configzDir)) continue;
    const nameKind = kindFromName(basename(file));
    const shown = relative(dir, file);
    let inFile = 0;
    const { docs, list } = await readKubeFile(file, compact, progress.copy);
    // Validated and redacted by objectsFromDocument; copied from here, before compaction drops fields.
    const parsed = docs.map((doc) => ({ doc, objects: objectsFromDocument(doc, file, nameKind) }));
    if (list) await list.close(docs[0]);
    else await progress.copy?.kubernetes(file, parsed);
    for (const { doc, objects } of parsed) {
      const fileReads = readOfDocument(
        doc,
        objects.map((object) => compact.object(object)),
        shown,
        nameKind,
      );
      reads.push(...fileReads);
      for (const object of fileReads.flatMap((r) => r.objects)) {
        inFile++;
        let kindMap = byKind.get(object.kind);
        if (!kindMap) byKind.set(object.kind, (kindMap = new Map()));
        kindMap.set(objectKey(object), object);
        if (!facts.origins.has(`kubernetes:${object.kind}`)) await origin(`kubernetes:${object.kind}`, file);
      }
    }
    if (nameKind && !facts.origins.has(`kubernetes:${nameKind}`))
      await origin(`kubernetes:${nameKind}`, file);
    progress.onObjects?.(inFile);
    compact.heap.check();
  }
  for (const [kind, objects] of byKind) facts.kubernetes.objects.set(kind, [...objects.values()]);
}

/**
 * One parsed document as the ledger sees it: a List stands for its kind (an empty List of a kind the file is named
 * after still counts as read); a single object is found by name but never stands for a whole kind.
 */
function readOfDocument(
  doc: unknown,
  objects: KubeObject[],
  shown: string,
  nameKind: string | undefined,
): ListRead[] {
  const isList = isRecord(doc) && Array.isArray(doc.items);
  const incomplete = isList ? incompleteList(doc.metadata) : undefined;
  const kinds = new Map<string, KubeObject[]>();
  if (isList && objects.length === 0 && nameKind) kinds.set(nameKind, []);
  for (const object of objects) {
    const list = kinds.get(object.kind);
    if (list) list.push(object);
    else kinds.set(object.kind, [object]);
  }
  return [...kinds].map(([kind, list]) => ({
    file: shown,
    kind,
    isList,
    objects: list,
    ...(incomplete ? { incomplete } : {}),
  }));
}

/** kubectl keeps the server's continue token and remaining count on a list it did not finish. */
function incompleteList(meta: unknown): string | undefined {
  if (!isRecord(meta)) return undefined;
  if (typeof meta.continue === 'string' && meta.continue !== '')
    return 'metadata.continue is set: more pages were left unread';
  if (typeof meta.remainingItemCount === 'number' && meta.remainingItemCount > 0)
    return `metadata.remainingItemCount is ${meta.remainingItemCount}`;
  return undefined;
}

/**
 * Above this size a JSON file is read item by item: no file-sized string is built, and a list longer than
 * V8's longest string (about 512 MiB: 150,000 pods) still loads. Smaller files keep the whole-file parse,
 * whose errors name the line and column.
 */
const STREAM_JSON_FROM = 16 * 1024 * 1024;

async function readKubeFile(
  file: string,
  compact: Compactor,
  copy: SnapshotCopySink | undefined,
): Promise<{ docs: unknown[]; list?: ListCopySink }> {
  if (/\.json$/i.test(file) && (await stat(file)).size >= STREAM_JSON_FROM) {
    // Each chunk's items are copied, then compacted, as soon as they are parsed, so the whole list is never held
    // at full size.
    const list = await copy?.list(file);
    const items: unknown[] = [];
    const doc = await streamLargeJson(file, async (chunk) => {
      await list?.items(chunk);
      // A named object is redacted now (the loader does it again, to the same result), because its subtrees are
      // shared and frozen as it is compacted. Anything else is left for objectsFromDocument to judge.
      for (const item of chunk) items.push(isNamedObject(item) ? compact.object(redact(item)) : item);
      compact.heap.check();
    });
    if (isRecord(doc) && Array.isArray(doc.items)) doc.items = items;
    return { docs: [doc], list };
  }
  return { docs: await readDataFile(file) };
}

/** Compacts each object once, whether the stream or the loader saw it first. */
class Compactor {
  private readonly subtrees = new SubtreePool();
  private readonly done = new WeakSet<object>();
  /** The load keeps only compacted objects; what parsing and copying leave behind is collected as it goes. */
  readonly heap = new HeapBudget();

  /** The compact form of `object` (itself when it is one already). */
  object<T extends Record<string, unknown> | KubeObject>(object: T): T {
    if (this.done.has(object)) return object;
    const kind = String(object.kind);
    const compact = compactObject(object as Record<string, unknown>, kind) as T;
    this.subtrees.shareObject(compact as Record<string, unknown>, kind);
    this.done.add(compact);
    return compact;
  }
}

async function loadNodes(dir: string, facts: Facts, origin: OriginFn, read: ReadFn): Promise<void> {
  for (const file of await listDataFiles(join(dir, 'nodes'))) {
    const node: NodeFacts = parseNodeFacts(await read(file, 'node-facts'), file);
    facts.nodes.set(node.node, node);
    await origin(`node:${node.node}`, file, 'node');
  }
}

function parseVersion(raw: unknown, file: string): Facts['kubernetes']['version'] {
  const server = isRecord(raw) && isRecord(raw.serverVersion) ? raw.serverVersion : raw;
  if (!isRecord(server) || typeof server.gitVersion !== 'string') {
    throw InputError.at(file, 'serverVersion.gitVersion', 'expected the output of `kubectl version -o json`');
  }
  return {
    major: String(server.major ?? ''),
    minor: String(server.minor ?? ''),
    gitVersion: server.gitVersion,
  };
}

function clusterVersion(facts: Facts, managed: JsonObject | undefined): string | undefined {
  if (facts.kubernetes.version) return facts.kubernetes.version.gitVersion.replace(/^v/, '').split(/[+-]/)[0];
  const fromArm = managed?.currentKubernetesVersion ?? managed?.kubernetesVersion;
  return typeof fromArm === 'string' ? fromArm : undefined;
}

export type { FactGap };
