// snapshot.json: optional metadata written by `collect` (cluster identity, time, kinds collected, gaps).
import type { FactGap, FactSource } from '../model/facts.js';
import { InputError } from '../util/errors.js';
import { scrubText } from '../util/scrub.js';
import { isRecord } from '../util/fs.js';

export const SNAPSHOT_SCHEMA = 'kube-evidence/snapshot';

export interface SnapshotManifest {
  schema: typeof SNAPSHOT_SCHEMA;
  schemaVersion: number;
  cluster?: { name?: string; provider?: string };
  collectedAt?: string;
  /** `kubernetes-api` for a live collection; snapshots assembled by hand may omit it. */
  source?: FactSource;
  tool?: { name: string; version: string };
  collectedKinds: string[];
  gaps: FactGap[];
}

export function parseSnapshotManifest(raw: unknown, file: string): SnapshotManifest {
  if (!isRecord(raw)) throw InputError.at(file, undefined, 'expected a JSON object');
  if (raw.schema !== SNAPSHOT_SCHEMA) throw InputError.at(file, 'schema', `expected "${SNAPSHOT_SCHEMA}"`);
  if (
    raw.collectedAt !== undefined &&
    (typeof raw.collectedAt !== 'string' || Number.isNaN(Date.parse(raw.collectedAt)))
  ) {
    throw InputError.at(file, 'collectedAt', 'expected an ISO 8601 date-time');
  }
  const gaps = raw.gaps ?? [];
  if (!Array.isArray(gaps)) throw InputError.at(file, 'gaps', 'expected an array');
  const collectedKinds = raw.collectedKinds ?? [];
  if (!Array.isArray(collectedKinds) || collectedKinds.some((k) => typeof k !== 'string')) {
    throw InputError.at(file, 'collectedKinds', 'expected an array of kind names');
  }
  return {
    schema: SNAPSHOT_SCHEMA,
    schemaVersion: typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1,
    cluster: isRecord(raw.cluster)
      ? { name: str(raw.cluster.name), provider: str(raw.cluster.provider) }
      : undefined,
    collectedAt: str(raw.collectedAt),
    source: str(raw.source) as FactSource | undefined,
    tool: isRecord(raw.tool) ? { name: String(raw.tool.name), version: String(raw.tool.version) } : undefined,
    collectedKinds: collectedKinds as string[],
    gaps: gaps.map((gap, index) => {
      if (!isRecord(gap) || typeof gap.part !== 'string' || typeof gap.reason !== 'string') {
        throw InputError.at(file, `gaps[${index}]`, 'expected { "part": string, "reason": string }');
      }
      if (
        gap.namespaces !== undefined &&
        (!Array.isArray(gap.namespaces) || gap.namespaces.some((n) => typeof n !== 'string'))
      )
        throw InputError.at(file, `gaps[${index}].namespaces`, 'expected an array of namespace names');
      return {
        part: gap.part,
        // A reason quotes a server's message: a token or URL password echoed there never reaches a report.
        reason: scrubText(gap.reason),
        code: typeof gap.code === 'number' ? gap.code : undefined,
        ...(gap.namespaces ? { namespaces: gap.namespaces as string[] } : {}),
      };
    }),
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
