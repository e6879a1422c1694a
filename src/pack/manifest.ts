// manifest.json: what the pack is (tool, catalogue, framework, profile, cluster, times) and the SHA-256 of every file in it.
import type { Assessment } from '../model/assessment.js';
import type { ClusterIdentity } from '../model/facts.js';
import type { Text } from '../model/text.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';
import type { FileHash } from './hash.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SCHEMA = 'kube-evidence/manifest';
export const MANIFEST_SCHEMA_VERSION = 1;
/** manifest.json is read whole: a larger one is refused rather than loaded. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** A pack path: "/"-separated, relative, no "." or ".." segment, no backslash, no empty segment. */
const PACK_PATH = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[^/\\\0]+(?:\/[^/\\\0]+)*$/;

export interface PackReport {
  framework: { id: string; version: string; title: Text };
  /** Folder of this framework's files inside the pack; "" when they sit at the top. */
  dir: string;
  /** SHA-256 of this report's assessment.json: the identifier printed on the PDF. */
  documentId: string;
  generatedAt: string;
  score: number | null;
  files: string[];
}

export interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  schemaVersion: number;
  tool: { name: string; version: string };
  createdAt: string;
  cluster: ClusterIdentity;
  profile: { id: string; title: Text };
  catalogue: { hash: string };
  collection: { collectedAt: string };
  /** How the document identifier on each PDF is computed. */
  documentId: 'sha256(assessment.json)';
  lang: string;
  reports: PackReport[];
  /** Every file of the pack except manifest.json itself, sorted by path. */
  files: FileHash[];
}

export function buildManifest(
  assessments: Assessment[],
  reports: PackReport[],
  files: FileHash[],
  lang: string,
  createdAt: string,
): Manifest {
  const first = assessments[0]!;
  return {
    schema: MANIFEST_SCHEMA,
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    tool: first.tool,
    createdAt,
    cluster: first.cluster,
    profile: first.profile,
    catalogue: first.catalogue,
    collection: { collectedAt: first.collection.collectedAt },
    documentId: 'sha256(assessment.json)',
    lang,
    reports,
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** Checks what verify relies on: the schema and a well-formed file list. */
export function parseManifest(raw: unknown, file: string): Manifest {
  if (!isRecord(raw)) throw InputError.at(file, undefined, 'expected a manifest.json object');
  if (raw.schema !== MANIFEST_SCHEMA)
    throw InputError.at(
      file,
      'schema',
      `expected "${MANIFEST_SCHEMA}" (is this an evidence pack written by kube-evidence?)`,
    );
  if (typeof raw.schemaVersion !== 'number' || raw.schemaVersion > MANIFEST_SCHEMA_VERSION) {
    throw InputError.at(
      file,
      'schemaVersion',
      `expected ${MANIFEST_SCHEMA_VERSION} or lower (written by a newer kube-evidence?)`,
    );
  }
  if (!Array.isArray(raw.files)) throw InputError.at(file, 'files', 'expected an array');
  // An empty list would make any pack "verify": a pack always holds at least one document.
  if (raw.files.length === 0)
    throw InputError.at(file, 'files', 'expected at least one file (an empty list proves nothing)');
  const seen = new Set<string>();
  raw.files.forEach((entry, i) => {
    if (isRecord(entry) && typeof entry.path === 'string') {
      if (!PACK_PATH.test(entry.path))
        throw InputError.at(
          file,
          `files[${i}].path`,
          'expected a relative "/"-separated path inside the pack',
        );
      if (seen.has(entry.path))
        throw InputError.at(file, `files[${i}].path`, `"${entry.path}" is listed twice`);
      seen.add(entry.path);
    }
    if (
      !isRecord(entry) ||
      typeof entry.path !== 'string' ||
      typeof entry.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(entry.sha256) ||
      typeof entry.size !== 'number'
    ) {
      throw InputError.at(
        file,
        `files[${i}]`,
        'expected { "path": string, "size": number, "sha256": 64 hex digits }',
      );
    }
  });
  return raw as unknown as Manifest;
}
