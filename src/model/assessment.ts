// The assessment: results of one framework + profile on one cluster at one time; written as assessment.json.
import type { Evidence, Offender } from './check.js';
import type { Contradiction } from './catalogue.js';
import type { ClusterIdentity, FactGap, FactSource, JsonValue } from './facts.js';
import type { Mapping, Responsibility, Status } from './status.js';
import type { Text } from './text.js';

export const ASSESSMENT_SCHEMA = 'kube-evidence/assessment';
export const ASSESSMENT_SCHEMA_VERSION = 1;

/** At most this many offenders are kept per result in assessment.json; the count is always exact. */
export const MAX_OFFENDERS_PER_RESULT = 100_000;

export interface ResultMapping {
  mapping: Mapping;
  responsibility: Responsibility;
  reason?: Text;
  decidedBy?: { check: string; facts: string[] };
  published?: { source: string; result: 'pass' | 'fail' };
  /** The facts the profile names as able to defeat the published result. */
  contradictedBy?: Contradiction[];
}

export interface RequirementResult {
  id: string;
  section: string;
  title: Text;
  level?: 'L1' | 'L2';
  assessment: 'automated' | 'manual';
  strength?: 'shall' | 'should';
  checks: string[];
  mapping: ResultMapping;
  status: Status;
  /** True when the profile made this environment-dependent and the facts decided it. */
  dependsOnEnvironment: boolean;
  /** Why this status: from the check, the mapping or the waiver. */
  reason: Text;
  evidence: Evidence[];
  offenders: Offender[];
  offenderCount: number;
  remediation?: Text;
  procedure?: Text;
  /** The facts disagree with the provider's published result. */
  contradiction?: Text;
  /** Where the product reads this requirement differently from its source (from the framework's review). */
  deviation?: Text;
  waiver?: { id: string; justification: string; approver: string; expires: string; scenario?: string };
  /** The auditor's verdict on this result, from a reviewed workbook (`attest`) or carried from an earlier pack. */
  review?: Review;
}

export const REVIEW_VERDICTS = ['agree', 'disagree', 'needs-information'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** One auditor's verdict (docs/evidence-pack.md, "Auditor's verdicts"). */
export interface Review {
  verdict: ReviewVerdict;
  reviewer: string;
  /** The review date the auditor entered, YYYY-MM-DD. */
  date: string;
  comment?: string;
  /** After this day (YYYY-MM-DD) the verdict no longer carries into later runs. */
  expires: string;
  /** Present when the verdict was carried from an earlier pack of the same cluster (`report --attestations`). */
  carriedFrom?: { documentId: string; generatedAt: string };
}

/** What `attest` recorded: the workbook the verdicts came from and the document it was made for. */
export interface AttestationRecord {
  attestedAt: string;
  workbook: { file: string; sha256: string };
  /** The document id the reviewed workbook carried (the pack's before this attestation). */
  reviewedDocumentId: string;
  /** Every document id of this pack's earlier editions: a workbook made for any of them is still accepted. */
  earlierDocumentIds: string[];
  /** Days a verdict stays valid for later runs (review date + this). */
  validityDays: number;
  reviews: number;
}

export interface StatusCounts {
  pass: number;
  fail: number;
  'not-applicable': number;
  'equivalent-control': number;
  'provider-attested': number;
  manual: number;
  waived: number;
  error: number;
}

export interface ScoreGroup {
  key: string;
  label?: Text;
  counts: StatusCounts;
  /** pass / (pass + fail + error), as a percentage with one decimal; null when nothing was scored. */
  score: number | null;
}

/** The headline as the standard scores it, and what is shown apart from it. */
export interface HeadlineScore {
  /** How the standard defines the score, printed beside it. */
  method: Text;
  /** False where the standard defines no score (NSA/CISA): `score` is then null. */
  defined: boolean;
  /** Requirements that count towards the headline, and their statuses. */
  total: number;
  counts: StatusCounts;
  /** Everything else observed (should/宜, manual per the standard but informed by facts), never in the headline. */
  apart: { total: number; counts: StatusCounts; score: number | null };
}

export interface AssessmentSummary {
  total: number;
  counts: StatusCounts;
  /** The headline score (see `headline`): pass / (pass + fail + error) over the requirements the standard scores. */
  score: number | null;
  /** pass / (pass + fail + error) over every requirement observed, whatever the standard scores. */
  observedScore?: number | null;
  headline?: HeadlineScore;
  bySection: ScoreGroup[];
  byLevel: ScoreGroup[];
  byResponsibility: ScoreGroup[];
  byStrength: ScoreGroup[];
}

/** A waiver as recorded in the assessment: applied to results, expired, or matching nothing. */
export interface WaiverRecord {
  id: string;
  /** Requirement id (in this framework) or check id the waiver covers. */
  target: { requirement?: string; check?: string };
  scope: { cluster?: string; namespace?: string; name?: string; labelSelector?: Record<string, string> };
  justification: string;
  /** Q/KXY Annex B exception scenario cited, if any. */
  scenario?: string;
  approver: string;
  expires: string;
  state: 'applied' | 'expired' | 'unused';
  /** Requirement ids it was applied to. */
  appliedTo: string[];
}

export interface Assessment {
  schema: typeof ASSESSMENT_SCHEMA;
  schemaVersion: number;
  tool: { name: string; version: string };
  generatedAt: string;
  cluster: ClusterIdentity;
  framework: {
    id: string;
    version: string;
    title: Text;
    /** The Kubernetes minor versions this framework version is written for, when it says. */
    kubernetesVersions?: { min: string; max: string };
    /** Why this version: present when --framework named a benchmark (cis-kubernetes) and the cluster's version chose. */
    selection?: Text;
  };
  profile: { id: string; title: Text };
  catalogue: { hash: string };
  collection: {
    collectedAt: string;
    sources: { part: string; source: FactSource; file?: string; time: string }[];
    gaps: FactGap[];
  };
  attestations: { id: string; title: Text; url?: string; versions: { min: string; max: string } }[];
  sections: { id: string; title: Text }[];
  results: RequirementResult[];
  summary: AssessmentSummary;
  /** Warnings about the facts (ARM taken mid-change) and the dated data relied on (the AKS support calendar). */
  notes?: Text[];
  /** The managed cluster's security-relevant ARM settings, cluster-wide and per node pool, for the scope section. */
  clusterConfiguration?: { path: string; value: JsonValue }[];
  /** Waivers given with --waivers, with their state; absent when none were given. */
  waivers?: WaiverRecord[];
  /** Set by `attest`: where the auditor's verdicts came from; absent before. */
  attestation?: AttestationRecord;
  /** Set by `report --attestations`: the packs whose verdicts were considered for carrying over. */
  carriedReviews?: { documentId: string; cluster: string; generatedAt: string; carried: number }[];
}
