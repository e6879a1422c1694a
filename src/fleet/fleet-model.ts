// The fleet report's data: one compact row per cluster (latest verified pack), requirement totals, coverage and the trend.
import type { StatusCounts } from '../model/assessment.js';
import type { Status } from '../model/status.js';
import type { Text } from '../model/text.js';

export const FLEET_REPORT_SCHEMA = 'kube-evidence/fleet-report';

export interface FleetRequirement {
  id: string;
  section: string;
  title: Text;
  assessment: 'automated' | 'manual';
}

/** What the report keeps of a cluster's latest pack: a few hundred bytes, whatever the pack's size. */
export interface FleetClusterRow {
  /** The cluster's folder in the store. */
  id: string;
  /** <cluster>/<timestamp> of the pack counted. */
  pack: string;
  name: string;
  provider?: string;
  kubernetesVersion?: string;
  profile: { id: string; title: Text };
  collectedAt: string;
  generatedAt: string;
  score: number | null;
  counts: StatusCounts;
  /** Status per requirement, in the order of FleetReport.requirements; undefined when the pack has no such row. */
  statuses: (Status | undefined)[];
  /** Requirements that fail or cannot be decided (error) here: objects found failing (offenders) and evidence items. */
  failing: { index: number; status: 'fail' | 'error'; offenders: number; evidence: number }[];
  /** SHA-256 of the pack's manifest.json as stored: record it elsewhere to pin the pack. */
  manifestSha256: string;
  /** unsigned: integrity only; signed-unchecked: a valid signature, no --trust given; trusted: signed by a --trust anchor. */
  signature: 'unsigned' | 'signed-unchecked' | 'trusted';
  /** "CN=… (certificate SHA-256 …)" of a signed pack. */
  signer?: string;
  /** Older verified packs seen for the trend. */
  history: number;
}

export interface RejectedPack {
  pack: string;
  /** integrity: files changed, missing or added; authenticity: the signature is wrong, missing or not trusted; unreadable: anything else. */
  kind: 'integrity' | 'authenticity' | 'unreadable';
  reason: string;
  /** Whether it was the cluster's latest pack (the cluster is then left out of the counts). */
  latest: boolean;
}

export interface TrendPoint {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Mean of each cluster's latest score on or before that day. */
  meanScore: number;
  clusters: number;
}

export interface RequirementTotals {
  index: number;
  counts: StatusCounts;
  /** fail ÷ (pass + fail) across clusters, in percent; null when no cluster decided it. */
  failShare: number | null;
}

export interface FleetReport {
  schema: typeof FLEET_REPORT_SCHEMA;
  generatedAt: string;
  source: string;
  framework: { id: string; version: string; title: Text };
  requirements: FleetRequirement[];
  clusters: FleetClusterRow[];
  totals: RequirementTotals[];
  rejected: RejectedPack[];
  coverage: {
    staleDays: number;
    /** Cluster folders in the store: counted or not. */
    clusters: number;
    /** Clusters whose latest counted scan is older than staleDays, or whose latest pack was refused. */
    stale: { id: string; collectedAt?: string; ageDays?: number; reason: 'old' | 'refused' | 'no-pack' }[];
  };
  trend: TrendPoint[];
  stats: { packsRead: number; bytesHashed: number; durationMs: number };
}
