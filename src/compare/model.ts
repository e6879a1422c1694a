// The comparison contract: two or more assessments aligned per requirement, written as comparison.json (schema v1).
import type { AssessmentSummary, StatusCounts } from '../model/assessment.js';
import type { Evidence } from '../model/check.js';
import type { ClusterIdentity, JsonValue } from '../model/facts.js';
import type { Mapping, Responsibility, Status } from '../model/status.js';
import type { Text } from '../model/text.js';

export const COMPARISON_SCHEMA = 'kube-evidence/comparison';
export const COMPARISON_SCHEMA_VERSION = 1;

/** How one side differs from the baseline (the first side) on one requirement. */
export const DIFFERENCE_CLASSES = [
  'same',
  'remapped',
  'configuration',
  'regression',
  'improvement',
  'only-in-one',
] as const;
export type DifferenceClass = (typeof DIFFERENCE_CLASSES)[number];

/** How a side's requirements were matched to the baseline's. */
export type Correspondence = 'baseline' | 'same-framework' | 'shared-checks' | 'framework-map';

export interface ComparisonSide {
  /** 0 is the baseline; every other side is classed against it. */
  index: number;
  /** The assessment.json this side was read from, and its SHA-256, so the comparison can be traced back. */
  source: { file: string; sha256: string };
  cluster: ClusterIdentity;
  framework: { id: string; version: string; title: Text };
  profile: { id: string; title: Text };
  collectedAt: string;
  generatedAt: string;
  total: number;
  counts: StatusCounts;
  score: AssessmentSummary['score'];
  correspondence: Correspondence;
  /** The framework-map file used, when correspondence is `framework-map`. */
  frameworkMap?: string;
  /** Same cluster as the baseline (same resource id, or same name when either has none): a scan over time. */
  sameClusterAsBaseline: boolean;
}

/** One side's view of a requirement. */
export interface SideEntry {
  requirement: string;
  mapping: Mapping;
  responsibility: Responsibility;
  mappingReason?: Text;
  status: Status;
  dependsOnEnvironment: boolean;
  reason: Text;
  /** The facts that decided the status. */
  evidence: Evidence[];
  offenderCount: number;
}

/** An offending object, identified by kind, namespace, name and container. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  container?: string;
  /** What was wrong with it (field = value), from the scan that saw it failing. */
  findings: { field: string; value: JsonValue }[];
}

/** Offending objects of one requirement between an earlier and a later scan of the same cluster. */
export interface ObjectChanges {
  /** Failing in the later scan only. */
  new: ObjectRef[];
  /** Failing in the earlier scan only. */
  fixed: ObjectRef[];
  /** Failing in both. */
  stillFailing: ObjectRef[];
  /** False when a scan kept fewer offenders than it counted, so the lists may miss objects. */
  complete: boolean;
}

export interface PairDifference {
  /** Index of the side compared with the baseline. */
  side: number;
  class: DifferenceClass;
  /** Present for scans of the same cluster that both hold the requirement. */
  objects?: ObjectChanges;
}

export interface ComparisonRow {
  /** The baseline requirement id, or `<side>:<id>` for a requirement only the other side holds. */
  key: string;
  section: { framework: string; id: string; title: Text };
  title: Text;
  /** One entry per side, null where that side has no corresponding requirement. */
  entries: (SideEntry | null)[];
  /** One per non-baseline side, in side order. */
  differences: PairDifference[];
}

export interface ResponsibilityShift {
  key: string;
  side: number;
  requirement: string;
  baseline: Responsibility;
  other: Responsibility;
}

export interface ComparisonSummary {
  /** Per non-baseline side: how many requirements fall in each difference class. */
  classCounts: { side: number; counts: Record<DifferenceClass, number> }[];
  /** Requirements whose owner differs between the baseline and another side (customer ↔ provider, shared). */
  responsibilityShifts: ResponsibilityShift[];
  /** Per non-baseline side over time: offending objects new, fixed and still failing, over all requirements. */
  objectCounts: { side: number; new: number; fixed: number; stillFailing: number }[];
}

export interface Comparison {
  schema: typeof COMPARISON_SCHEMA;
  schemaVersion: number;
  tool: { name: string; version: string };
  generatedAt: string;
  sides: ComparisonSide[];
  rows: ComparisonRow[];
  summary: ComparisonSummary;
}
