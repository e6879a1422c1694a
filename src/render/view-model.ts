// Turns an assessment into localised rows and groups that every renderer (PDF, workbook) shares.
import type { Assessment, RequirementResult, StatusCounts } from '../model/assessment.js';
import type { Evidence, Offender } from '../model/check.js';
import type { JsonValue } from '../model/facts.js';
import {
  MAPPING_LABELS,
  RESPONSIBILITY_LABELS,
  STATUS_LABELS,
  STATUSES,
  type Status,
} from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { factSentence, factText } from './fact-text.js';
import { labels } from './labels.js';
import { isoUtc } from './time.js';

export interface ResultRow {
  id: string;
  section: string;
  sectionTitle: string;
  title: string;
  level: string;
  assessment: string;
  strength: string;
  mapping: string;
  mappingReason: string;
  responsibility: string;
  status: Status;
  statusLabel: string;
  dependsOnEnvironment: boolean;
  reason: string;
  evidence: EvidenceRow[];
  evidenceSummary: string;
  offenders: Offender[];
  offenderCount: number;
  remediation: string;
  procedure: string;
  contradiction: string;
  /** Where the product reads this requirement differently from the standard, and why; empty when it does not. */
  deviation: string;
  published: string;
  /** Where the published result comes from (an attestation id), empty when there is none. */
  publishedSource: string;
  /** The waiver applied to this result, as one line; empty when none. */
  waiver: string;
}

export interface EvidenceRow {
  source: string;
  path: string;
  observed: string;
  expected: string;
  time: string;
  file: string;
}

export function formatValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function evidenceRow(e: Evidence, lang: Lang = 'en'): EvidenceRow {
  return {
    source: e.source,
    path: factText(e.path, lang),
    observed: typeof e.observed === 'string' ? factText(e.observed, lang) : formatValue(e.observed),
    expected: factText(e.expected, lang),
    time: isoUtc(e.time),
    file: e.file ?? '',
  };
}

/**
 * `evidenceLimit`: only the first rows are turned into text (the PDF shows 20 of a result's evidence; at 5,000
 * nodes one result has 15,000 and translating them all for the Chinese report took 4 s of its print time).
 */
export function resultRow(
  result: RequirementResult,
  assessment: Assessment,
  lang: Lang,
  evidenceLimit = Infinity,
): ResultRow {
  const L = labels(lang);
  const section = assessment.sections.find((s) => s.id === result.section);
  const evidence = result.evidence.slice(0, evidenceLimit).map((e) => evidenceRow(e, lang));
  return {
    id: result.id,
    section: result.section,
    sectionTitle: pick(section?.title, lang),
    title: pick(result.title, lang),
    level: result.level ?? '',
    assessment: result.assessment === 'automated' ? L.automated : L.manualAssessment,
    strength: result.strength ? (result.strength === 'shall' ? L.shall : L.should) : '',
    mapping: pick(MAPPING_LABELS[result.mapping.mapping], lang),
    mappingReason: pick(result.mapping.reason, lang),
    responsibility: pick(RESPONSIBILITY_LABELS[result.mapping.responsibility], lang),
    status: result.status,
    statusLabel: pick(STATUS_LABELS[result.status], lang),
    dependsOnEnvironment: result.dependsOnEnvironment,
    reason: factSentence(pick(result.reason, lang), lang),
    evidence,
    evidenceSummary: evidence.map((e) => `${e.path}: ${e.observed} (${L.expected} ${e.expected})`).join('\n'),
    offenders: result.offenders,
    offenderCount: result.offenderCount,
    remediation: pick(result.remediation, lang),
    procedure: pick(result.procedure, lang),
    contradiction: pick(result.contradiction, lang),
    deviation: pick(result.deviation, lang),
    published: result.mapping.published ? pick(STATUS_LABELS[result.mapping.published.result], lang) : '',
    publishedSource: result.mapping.published?.source ?? '',
    waiver: result.waiver ? waiverLine(result.waiver, lang) : '',
  };
}

function waiverLine(waiver: NonNullable<RequirementResult['waiver']>, lang: Lang): string {
  const L = labels(lang);
  return `${waiver.id}: ${waiver.justification} (${L.approver} ${waiver.approver}, ${L.expires} ${waiver.expires})`;
}

export function statusCountRows(
  counts: StatusCounts,
  lang: Lang,
): { status: Status; label: string; count: number }[] {
  return STATUSES.map((status) => ({
    status,
    label: pick(STATUS_LABELS[status], lang),
    count: counts[status],
  }));
}
