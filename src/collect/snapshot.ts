// Loads a snapshot directory (azure/, kubernetes/, nodes/, snapshot.json) into Facts; see docs/snapshot-format.md.
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Facts, FactGap, FactSource, JsonObject, KubeObject, NodeFacts } from '../model/facts.js';
import { emptyFacts } from '../model/facts.js';
import { normaliseDiagnosticSettings } from '../facts/diagnostic-settings.js';
import { readLargeJson } from '../facts/json-stream.js';
import { kindFromName } from '../facts/kinds.js';
import { objectKey, objectsFromDocument } from '../facts/kube-objects.js';
import { normaliseManagedCluster } from '../facts/managed-cluster.js';
import { parseNodeFacts } from '../facts/node-facts.js';
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
  await loadKubernetes(dir, facts, origin, progress);
  await loadNodes(dir, facts, origin);

  if (manifest) {
    facts.gaps.push(...manifest.gaps);
    for (const kind of manifest.collectedKinds) facts.kubernetes.collectedKinds.add(kind);
  }
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
  }
  const diagnosticsFile = join(dir, 'azure', 'diagnostic-settings.json');
  if (await exists(diagnosticsFile)) {
    facts.azure.diagnosticSettings = normaliseDiagnosticSettings(
      await readJsonFile(diagnosticsFile),
      diagnosticsFile,
    );
    await origin('azure:diagnosticSettings', diagnosticsFile);
  }
}

async function loadKubernetes(
  dir: string,
  facts: Facts,
  origin: OriginFn,
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
  }

  const byKind = new Map<string, Map<string, KubeObject>>();
  for (const file of await listDataFiles(root, true)) {
    if (file === versionFile || file.startsWith(configzDir)) continue;
    const nameKind = kindFromName(basename(file));
    if (nameKind) facts.kubernetes.collectedKinds.add(nameKind);
    let inFile = 0;
    for (const doc of await readKubeFile(file)) {
      for (const object of objectsFromDocument(doc, file, nameKind)) {
        inFile++;
        let kindMap = byKind.get(object.kind);
        if (!kindMap) byKind.set(object.kind, (kindMap = new Map()));
        kindMap.set(objectKey(object), object);
        facts.kubernetes.collectedKinds.add(object.kind);
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
 * Above this size a JSON file is read item by item: no file-sized string is built, and a list longer than
 * V8's longest string (about 512 MiB: 150,000 pods) still loads. Smaller files keep the whole-file parse,
 * whose errors name the line and column.
 */
const STREAM_JSON_FROM = 16 * 1024 * 1024;

async function readKubeFile(file: string): Promise<unknown[]> {
  if (/\.json$/i.test(file) && (await stat(file)).size >= STREAM_JSON_FROM)
    return [await readLargeJson(file)];
  return readDataFile(file);
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

async function listDataFiles(dir: string, recursive = false): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && recursive) files.push(...(await listDataFiles(path, true)));
    else if (entry.isFile() && /\.(json|ya?ml)$/i.test(entry.name) && !entry.name.startsWith('.'))
      files.push(path);
  }
  return files;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export type { FactGap };
