// Localised rows of a comparison, shared by the comparison PDF and workbook: sides, entries, classes, objects.
import { CLASS_LABELS, CORRESPONDENCE_LABELS, compareLabels } from '../compare/labels.js';
import type {
  Comparison,
  ComparisonRow,
  ComparisonSide,
  DifferenceClass,
  ObjectRef,
  SideEntry,
} from '../compare/model.js';
import { MAPPING_LABELS, RESPONSIBILITY_LABELS, STATUS_LABELS, type Status } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { isoUtc } from './time.js';
import { formatValue } from './view-model.js';

export interface SideView {
  index: number;
  /** "Baseline", "Side 2", … */
  role: string;
  /** Cluster name and collection date: tells two scans of one cluster apart. */
  short: string;
  cluster: string;
  provider: string;
  profile: string;
  framework: string;
  kubernetesVersion: string;
  collectedAt: string;
  generatedAt: string;
  file: string;
  sha256: string;
  score: string;
  total: number;
  correspondence: string;
  sameCluster: string;
}

export interface EntryView {
  present: boolean;
  requirement: string;
  status: Status | '';
  statusLabel: string;
  mapping: string;
  mappingReason: string;
  responsibility: string;
  dependsOnEnvironment: boolean;
  reason: string;
  evidence: string[];
  offenderCount: number;
}

export interface ClassView {
  side: number;
  class: DifferenceClass;
  label: string;
}

export function sideViews(comparison: Comparison, lang: Lang): SideView[] {
  const L = compareLabels(lang);
  return comparison.sides.map((side) => ({
    index: side.index,
    role: roleOf(side, lang),
    short: `${side.cluster.name} (${isoUtc(side.collectedAt).slice(0, 10)})`,
    cluster: side.cluster.name,
    provider: side.cluster.provider ?? '—',
    profile: pick(side.profile.title, lang),
    framework: pick(side.framework.title, lang),
    kubernetesVersion: side.cluster.kubernetesVersion ?? '—',
    collectedAt: isoUtc(side.collectedAt),
    generatedAt: isoUtc(side.generatedAt),
    file: side.source.file,
    sha256: side.source.sha256,
    score: side.score === null ? '—' : `${side.score}%`,
    total: side.total,
    correspondence:
      pick(CORRESPONDENCE_LABELS[side.correspondence], lang) +
      (side.frameworkMap ? ` (${side.frameworkMap})` : ''),
    sameCluster: side.index === 0 ? '—' : side.sameClusterAsBaseline ? L.yes : L.no,
  }));
}

export function roleOf(side: ComparisonSide, lang: Lang): string {
  const L = compareLabels(lang);
  return side.index === 0 ? L.baseline : L.sideN.replace('{n}', String(side.index + 1));
}

export function entryView(entry: SideEntry | null, lang: Lang): EntryView {
  const L = compareLabels(lang);
  if (!entry) {
    return {
      present: false,
      requirement: '',
      status: '',
      statusLabel: L.absent,
      mapping: '',
      mappingReason: '',
      responsibility: '',
      dependsOnEnvironment: false,
      reason: '',
      evidence: [],
      offenderCount: 0,
    };
  }
  return {
    present: true,
    requirement: entry.requirement,
    status: entry.status,
    statusLabel: pick(STATUS_LABELS[entry.status], lang),
    mapping: pick(MAPPING_LABELS[entry.mapping], lang),
    mappingReason: pick(entry.mappingReason, lang),
    responsibility: pick(RESPONSIBILITY_LABELS[entry.responsibility], lang),
    dependsOnEnvironment: entry.dependsOnEnvironment,
    reason: pick(entry.reason, lang),
    evidence: entry.evidence.map(
      (e) => `${e.path}: ${formatValue(e.observed)} (${L.expected} ${e.expected})`,
    ),
    offenderCount: entry.offenderCount,
  };
}

export function classViews(row: ComparisonRow, lang: Lang): ClassView[] {
  return row.differences.map((d) => ({
    side: d.side,
    class: d.class,
    label: pick(CLASS_LABELS[d.class], lang),
  }));
}

/** A row differs when any side's class against the baseline is not `same`. */
export function rowDiffers(row: ComparisonRow): boolean {
  return row.differences.some((d) => d.class !== 'same');
}

/** `Pod logging/log-shipper [fluent-bit]` */
export function objectText(ref: ObjectRef): string {
  const where = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  return `${ref.kind} ${where}${ref.container ? ` [${ref.container}]` : ''}`;
}

export function findingsText(ref: ObjectRef): string {
  return ref.findings.map((f) => `${f.field} = ${formatValue(f.value)}`).join('; ');
}

/** The row's requirement id on each side, once: `1.2.1` or `1.2.1 / Q-5.3`. */
export function requirementIds(row: ComparisonRow): string {
  return [...new Set(row.entries.filter((e): e is SideEntry => e !== null).map((e) => e.requirement))].join(
    ' / ',
  );
}
