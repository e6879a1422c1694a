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
import { compactObject, StringPool } from '../facts/compact.js';
import { streamLargeJson } from '../facts/json-stream.js';
import { kindFromName } from '../facts/kinds.js';
import { objectKey, objectsFromDocument } from '../facts/kube-objects.js';
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
import { exists, listDataFiles } from '../facts/snapshot-files.js';
import { parseSnapshotManifest, type SnapshotManifest } from '../facts/snapshot-manifest.js';
import { InputError } from '../util/errors.js';
import { isRecord, readDataFile, readJsonFile } from '../util/fs.js';

export interface LoadProgress {
  /** Called after each Kubernetes file with the number of objects it held. */
  onObjects?: (count: number) => void;
}

export async function loadSnapshot(dir: string, progress: LoadProgress = {}): Promise<Facts> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw InputError.at(dir, undefined, 'snapshot directory not found');
  if (!info.isDirectory())
    throw InputError.at(
      dir,
      undefined,
      'expected a snapshot directory (with azure/, kubernetes/ or nodes/ inside)',
    );

  const manifest = await readManifest(dir);
  const facts = emptyFacts(basename(dir), manifest?.collectedAt ?? info.mtime.toISOString());
  const source: FactSource = manifest?.source ?? 'snapshot';
  const timeOf = async (file: string) => manifest?.collectedAt ?? (await stat(file)).mtime.toISOString();
  const origin = async (part: string, file: string, src: FactSource = source) =>
    facts.origins.set(part, { source: src, file: relative(dir, file), time: await timeOf(file) });

  await loadAzure(dir, facts, origin);
  const reads: ListRead[] = [];
  await loadKubernetes(dir, facts, origin, reads, progress);
  await loadNodes(dir, facts, origin);

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

async function readManifest(dir: string): Promise<SnapshotManifest | undefined> {
  const file = join(dir, 'snapshot.json');
  if (!(await exists(file))) return undefined;
  return parseSnapshotManifest(await readJsonFile(file), file);
}

async function loadAzure(dir: string, facts: Facts, origin: OriginFn): Promise<void> {
  const clusterFile = join(dir, 'azure', 'managed-cluster.json');
  if (await exists(clusterFile)) {
    facts.azure.managedCluster = normaliseManagedCluster(await readJsonFile(clusterFile), clusterFile);
    await origin('azure:managedCluster', clusterFile);
    const mistyped = auditManagedCluster(facts.azure.managedCluster, relative(dir, clusterFile));
    if (mistyped) facts.gaps.push(mistyped);
  }
  const diagnosticsFile = join(dir, 'azure', 'diagnostic-settings.json');
  if (await exists(diagnosticsFile)) {
    const settings = normaliseDiagnosticSettings(await readJsonFile(diagnosticsFile), diagnosticsFile);
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
  progress: LoadProgress,
): Promise<void> {
  const root = join(dir, 'kubernetes');
  if (!(await exists(root))) return;
  const versionFile = join(root, 'version.json');
  if (await exists(versionFile)) {
    facts.kubernetes.version = parseVersion(await readJsonFile(versionFile), versionFile);
    await origin('kubernetes:version', versionFile);
  }
  const configzDir = join(root, 'configz');
  for (const file of await listDataFiles(configzDir)) {
    const node = basename(file).replace(/\.json$/i, '');
    const body = await readJsonFile(file);
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
  // Objects are compacted as they are read (src/facts/compact.ts); the pool makes repeated strings one.
  const compact = new Compactor();
  for (const file of await listDataFiles(root, true)) {
    if (file === versionFile || file.startsWith(configzDir)) continue;
    const nameKind = kindFromName(basename(file));
    const shown = relative(dir, file);
    let inFile = 0;
    for (const doc of await readKubeFile(file, compact)) {
      const read = readOfDocument(doc, file, shown, nameKind, compact);
      reads.push(...read);
      for (const object of read.flatMap((r) => r.objects)) {
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
  }
  for (const [kind, objects] of byKind) facts.kubernetes.objects.set(kind, [...objects.values()]);
}

/**
 * One parsed document as the ledger sees it: a List stands for its kind (an empty List of a kind the file is named
 * after still counts as read); a single object is found by name but never stands for a whole kind.
 */
function readOfDocument(
  doc: unknown,
  file: string,
  shown: string,
  nameKind: string | undefined,
  compact: Compactor,
): ListRead[] {
  const objects = objectsFromDocument(doc, file, nameKind).map((object) => compact.object(object));
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

async function readKubeFile(file: string, compact: Compactor): Promise<unknown[]> {
  if (/\.json$/i.test(file) && (await stat(file)).size >= STREAM_JSON_FROM) {
    // Each chunk's items are compacted as soon as they are parsed, so the whole list is never held at full size.
    const items: unknown[] = [];
    const doc = await streamLargeJson(file, async (chunk) => {
      for (const item of chunk) {
        items.push(
          isRecord(item) && typeof item.kind === 'string' && item.kind ? compact.object(item) : item,
        );
      }
    });
    if (isRecord(doc) && Array.isArray(doc.items)) doc.items = items;
    return [doc];
  }
  return readDataFile(file);
}

/** Compacts each object once, whether the stream or the loader saw it first. */
class Compactor {
  private readonly strings = new StringPool();
  private readonly done = new WeakSet<object>();

  /** The compact form of `object` (itself when it is one already). */
  object<T extends Record<string, unknown> | KubeObject>(object: T): T {
    if (this.done.has(object)) return object;
    const compact = compactObject(object as Record<string, unknown>, String(object.kind), this.strings) as T;
    this.done.add(compact);
    return compact;
  }
}

async function loadNodes(dir: string, facts: Facts, origin: OriginFn): Promise<void> {
  for (const file of await listDataFiles(join(dir, 'nodes'))) {
    const node: NodeFacts = parseNodeFacts(await readJsonFile(file), file);
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
