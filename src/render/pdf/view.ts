// Builds everything the PDF template shows from one assessment: localised, bounded in size, with anchors for links and bookmarks.
import type {
  Assessment,
  RequirementResult,
  ScoreGroup,
  StatusCounts,
  WaiverRecord,
} from '../../model/assessment.js';
import {
  MAPPINGS,
  MAPPING_LABELS,
  RESPONSIBILITY_LABELS,
  STATUSES,
  STATUS_LABELS,
  countsInScore,
  type Status,
} from '../../model/status.js';
import { pick, type Lang } from '../../model/text.js';
import { topSection } from '../../evaluate/score.js';
import { inMinorRange } from '../../evaluate/version-range.js';
import type { FileHash } from '../../pack/hash.js';
import { attestLabels, verdictLabel, type AttestLabelKey } from '../attest-labels.js';
import { labels, MAPPING_MEANINGS, STATUS_MEANINGS, type LabelKey } from '../labels.js';
import { isoUtc } from '../time.js';
import { factText } from '../fact-text.js';
import { formatValue, resultRow, type EvidenceRow, type ResultRow } from '../view-model.js';
import { donutOf, DONUT_RADIUS, stackedBar, type BarSegment, type DonutSegment } from './charts.js';
import { STATUS_CHART_COLOR } from '../status-colors.js';
import { scopeGapRows, scopeSourceRows } from './scope-groups.js';

/** The PDF summarises; the workbook carries every row. */
export const PDF_OFFENDERS_PER_RESULT = 20;
export const PDF_EVIDENCE_PER_RESULT = 20;
export const PDF_TOP_FAILED = 10;
export const PDF_APPENDIX_FILES = 200;
const BAR_WIDTH = 100;

export interface PdfContext {
  /** SHA-256 of assessment.json as written in the pack. */
  documentId: string;
  /** Files of the pack written before the PDF, with their hashes (the appendix). */
  files?: FileHash[];
}

interface OffenderView {
  kind: string;
  namespace: string;
  name: string;
  container: string;
  field: string;
  value: string;
}

export interface DetailView extends Omit<ResultRow, 'offenders' | 'evidence'> {
  anchor: string;
  evidence: EvidenceRow[];
  moreEvidence: string;
  offenders: OffenderView[];
  moreOffenders: string;
  /** The auditor's verdict, and reviewer and date, when the pack was attested (or a verdict carried). */
  reviewedBy: { verdict: string; reviewer: string; date: string; carried: string };
  /** False when no offender names a container: the column is left out rather than printed empty. */
  hasContainer: boolean;
}

/** A row of the status legend: a status, or provider-attested split by the provider's published result. */
type SummaryStatus = DonutSegment['status'];

/** Published fails are shown apart from provider-attested passes: a darker, redder purple. */
export const PUBLISHED_FAIL_COLOR = '#8e2f6a';

interface ResponsibilityRow {
  label: string;
  total: number;
  pass: number;
  fail: number;
  attestedPass: number;
  publishedFail: number;
  notApplicable: number;
  other: number;
  score: string;
}

interface GroupRow {
  label: string;
  total: number;
  counts: StatusCounts;
  other: number;
  score: string;
}

export interface PdfView {
  lang: string;
  title: string;
  L: Record<LabelKey, string>;
  /** Status labels in the report's language. */
  S: Record<Status, string>;
  meta: Record<string, string>;
  summary: {
    score: string;
    /** How the standard defines the headline score; empty when the framework declares none. */
    scoreMethod: string;
    /** What is shown apart from the headline, as one line; empty when nothing is. */
    apart: string;
    total: number;
    statusRows: { status: SummaryStatus; label: string; count: number; share: string; color: string }[];
    /** Provider-attested rows the provider publishes as fail. */
    publishedFail: number;
    /** What the headline score counts and leaves out, in plain words. */
    explained: {
      intro: string;
      method: string;
      counts: string;
      leftOut: { label: string; count: number; why: string }[];
      apart: string;
      notComparable: string;
    };
    donut: { radius: number; segments: DonutSegment[] };
    sectionBars: {
      id: string;
      title: string;
      anchor: string;
      total: number;
      score: string;
      segments: BarSegment[];
    }[];
    byLevel: GroupRow[];
    byResponsibility: ResponsibilityRow[];
    providerNote: string;
    byStrength: GroupRow[];
    topFailed: {
      id: string;
      title: string;
      anchor: string;
      offenderCount: number;
      strength: string;
      level: string;
    }[];
  };
  scope: {
    sources: { part: string; source: string; file: string; time: string }[];
    gaps: { part: string; reason: string; code: string }[];
    statuses: { status: Status; label: string; meaning: string; inScore: string }[];
    mappings: { label: string; meaning: string; count: number }[];
    attestations: { title: string; url: string; range: string; inRange: string }[];
    /** Why this version of the benchmark, or that the caller named it. */
    frameworkChoice: string;
    writtenFor: string;
    notes: string[];
    configuration: { path: string; value: string }[];
  };
  sections: { id: string; title: string; anchor: string; rows: DetailView[] }[];
  waivers: {
    present: boolean;
    rows: {
      id: string;
      target: string;
      scope: string;
      justification: string;
      scenario: string;
      approver: string;
      expires: string;
      state: string;
      flagged: boolean;
      appliedTo: string;
    }[];
  };
  manual: { id: string; title: string; anchor: string; procedure: string }[];
  appendix: { files: FileHash[]; more: string };
  /** Labels of the auditor's verdicts. */
  A: Record<AttestLabelKey, string>;
  /** The auditor's verdicts: shown (a reviewed-by column and an attestation page) only when there are any. */
  attestation: AttestationView;
}

interface AttestationView {
  present: boolean;
  attestedAt: string;
  workbook: string;
  workbookSha256: string;
  reviewedDocumentId: string;
  validityDays: string;
  rows: {
    id: string;
    anchor: string;
    status: Status;
    statusLabel: string;
    verdict: string;
    reviewer: string;
    date: string;
    expires: string;
    source: string;
    comment: string;
  }[];
}

function attestationView(
  assessment: Assessment,
  lang: Lang,
  anchors: Map<RequirementResult, string>,
): AttestationView {
  const A = attestLabels(lang);
  const record = assessment.attestation;
  const reviewed = assessment.results.filter((r) => r.review);
  return {
    present: reviewed.length > 0 || !!record,
    attestedAt: record ? isoUtc(record.attestedAt) : '',
    workbook: record?.workbook.file ?? '',
    workbookSha256: record?.workbook.sha256 ?? '',
    reviewedDocumentId: record?.reviewedDocumentId ?? '',
    validityDays: record ? String(record.validityDays) : '',
    rows: reviewed.map((r) => {
      const review = r.review!;
      return {
        id: r.id,
        anchor: anchors.get(r) ?? '',
        status: r.status,
        statusLabel: pick(STATUS_LABELS[r.status], lang),
        verdict: verdictLabel(review.verdict, lang),
        reviewer: review.reviewer,
        date: review.date,
        expires: review.expires,
        source: review.carriedFrom
          ? A.sourceCarried
              .replace('{id}', review.carriedFrom.documentId)
              .replace('{date}', isoUtc(review.carriedFrom.generatedAt))
          : A.sourceWorkbook,
        comment: review.comment ?? '',
      };
    }),
  };
}

/** "Agree", "J. Auditor", "2026-11-30 (carried)" on three lines of the results table. */
function reviewedBy(result: RequirementResult, lang: Lang): DetailView['reviewedBy'] {
  const review = result.review;
  if (!review) return { verdict: '', reviewer: '', date: '', carried: '' };
  return {
    verdict: verdictLabel(review.verdict, lang),
    reviewer: review.reviewer,
    date: review.date,
    carried: review.carriedFrom ? attestLabels(lang).carriedShort : '',
  };
}

export function buildPdfView(assessment: Assessment, lang: Lang, context: PdfContext): PdfView {
  const L = labels(lang);
  const framework = pick(assessment.framework.title, lang);
  const anchors = new Map(assessment.results.map((r, i) => [r, `r${i}`]));
  const details = assessment.results.map((r) => detail(r, assessment, lang, anchors.get(r) ?? ''));
  const sections = groupBySection(assessment, details, lang);
  const sectionAnchor = new Map(sections.map((s) => [s.id, s.anchor]));
  const total = assessment.summary.total;

  return {
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    title: `${L.reportTitle} — ${assessment.cluster.name} — ${framework}`,
    L,
    S: Object.fromEntries(STATUSES.map((s) => [s, pick(STATUS_LABELS[s], lang)])) as Record<Status, string>,
    meta: {
      cluster: assessment.cluster.name,
      provider: assessment.cluster.provider ?? '—',
      location: assessment.cluster.location ?? '',
      resourceId: assessment.cluster.resourceId ?? '',
      version: assessment.cluster.kubernetesVersion ?? '—',
      framework,
      frameworkVersion: assessment.framework.version,
      profile: pick(assessment.profile.title, lang),
      collectedAt: isoUtc(assessment.collection.collectedAt),
      generatedAt: isoUtc(assessment.generatedAt),
      tool: `${assessment.tool.name} ${assessment.tool.version}`,
      catalogueHash: assessment.catalogue.hash,
      documentId: context.documentId,
    },
    summary: {
      score: assessment.summary.score === null ? '—' : `${assessment.summary.score}%`,
      scoreMethod: pick(assessment.summary.headline?.method, lang),
      apart: apartLine(assessment, lang),
      total,
      statusRows: statusRows(assessment, lang),
      publishedFail: publishedFails(assessment.results),
      explained: explained(assessment, lang),
      donut: {
        radius: DONUT_RADIUS,
        segments: donutOf(statusRows(assessment, lang).map((r) => ({ ...r }))),
      },
      sectionBars: sectionBars(assessment, lang, sectionAnchor),
      byLevel: groupRows(assessment.summary.byLevel, (g) => g.key),
      byResponsibility: responsibilityRows(assessment, lang),
      providerNote: assessment.results.some((r) => r.mapping.responsibility === 'provider')
        ? L.providerNoScore
        : '',
      byStrength: groupRows(assessment.summary.byStrength, (g) =>
        g.key === 'shall' ? L.shall : g.key === 'should' ? L.should : g.key,
      ),
      topFailed: topFailed(assessment.results)
        .slice(0, PDF_TOP_FAILED)
        .map((r) => ({
          id: r.id,
          title: pick(r.title, lang),
          anchor: anchors.get(r) ?? '',
          offenderCount: r.offenderCount,
          strength: r.strength === 'shall' ? L.shall : r.strength === 'should' ? L.should : '',
          level: r.level ?? '',
        })),
    },
    scope: {
      sources: scopeSourceRows(assessment.collection.sources, lang),
      gaps: scopeGapRows(assessment.collection.gaps, lang),
      statuses: STATUSES.map((status) => ({
        status,
        label: pick(STATUS_LABELS[status], lang),
        meaning: pick(STATUS_MEANINGS[status], lang),
        inScore: countsInScore(status) ? L.yes : L.no,
      })),
      mappings: MAPPINGS.map((m) => ({
        label: pick(MAPPING_LABELS[m], lang),
        meaning: pick(MAPPING_MEANINGS[m], lang),
        count: assessment.results.filter((r) => r.mapping.mapping === m).length,
      })),
      attestations: assessment.attestations.map((a) => ({
        title: pick(a.title, lang),
        url: a.url ?? '',
        range: `${a.versions.min} – ${a.versions.max}`,
        inRange: inMinorRange(assessment.cluster.kubernetesVersion, a.versions) ? L.yes : L.no,
      })),
      frameworkChoice: pick(assessment.framework.selection, lang) || L.frameworkChoiceNamed,
      writtenFor: assessment.framework.kubernetesVersions
        ? `${assessment.framework.kubernetesVersions.min} – ${assessment.framework.kubernetesVersions.max}`
        : '',
      notes: (assessment.notes ?? []).map((n) => pick(n, lang)),
      configuration: (assessment.clusterConfiguration ?? []).map((c) => ({
        path: c.path,
        value: c.value === null ? '—' : typeof c.value === 'string' ? c.value : JSON.stringify(c.value),
      })),
    },
    sections,
    waivers: waiverRows(assessment.waivers, lang),
    manual: assessment.results
      .filter((r) => r.status === 'manual')
      .map((r) => ({
        id: r.id,
        title: pick(r.title, lang),
        anchor: anchors.get(r) ?? '',
        procedure: pick(r.procedure, lang) || pick(r.reason, lang),
      })),
    appendix: appendix(context.files ?? [], L.appendixMore),
    A: attestLabels(lang),
    attestation: attestationView(assessment, lang, anchors),
  };
}

function detail(result: RequirementResult, assessment: Assessment, lang: Lang, anchor: string): DetailView {
  const L = labels(lang);
  const row = resultRow(result, assessment, lang, PDF_EVIDENCE_PER_RESULT);
  const more = (template: string, shown: number, total: number) =>
    total > shown ? template.replace('{n}', String(total - shown)) : '';
  const evidence = row.evidence.slice(0, PDF_EVIDENCE_PER_RESULT);
  const offenders = result.offenders.slice(0, PDF_OFFENDERS_PER_RESULT).map((o) => ({
    kind: o.kind,
    namespace: o.namespace ?? '',
    name: o.name,
    container: o.container ?? '',
    field: factText(o.field, lang),
    value: formatValue(o.value),
  }));
  return {
    ...row,
    anchor,
    evidence,
    moreEvidence: more(L.evidenceMore, evidence.length, result.evidence.length),
    offenders,
    moreOffenders: more(L.offendersMore, offenders.length, result.offenderCount),
    reviewedBy: reviewedBy(result, lang),
    hasContainer: offenders.some((o) => o.container !== ''),
  };
}

/** One group per top-level section, in catalogue order; results whose section is unknown go last under their own id. */
function groupBySection(assessment: Assessment, details: DetailView[], lang: Lang): PdfView['sections'] {
  const groups = new Map<string, DetailView[]>();
  assessment.results.forEach((result, i) => {
    const key = topSection(result, topLevel(assessment));
    const list = groups.get(key) ?? [];
    list.push(details[i]!);
    groups.set(key, list);
  });
  return [...groups].map(([id, rows], i) => {
    const title = pick(assessment.sections.find((s) => s.id === id)?.title, lang);
    return { id, title, anchor: `s${i}`, rows };
  });
}

/**
 * The sections results are grouped under: those without a parent ("1", not "1.2"); when every result falls
 * under one of them (Q/KXY has only chapter 5), its children instead, so the report still has a structure.
 */
function topLevel(assessment: Assessment): Assessment['sections'] {
  const roots = (list: Assessment['sections']) => {
    const ids = new Set(list.map((s) => s.id));
    return list.filter((s) => {
      const parts = s.id.split('.');
      for (let n = 1; n < parts.length; n++) if (ids.has(parts.slice(0, n).join('.'))) return false;
      return true;
    });
  };
  let tops = roots(assessment.sections);
  for (let depth = 0; depth < 3; depth++) {
    const used = new Set(assessment.results.map((r) => topSection(r, tops)));
    if (used.size !== 1) break;
    const only = [...used][0]!;
    const children = roots(assessment.sections.filter((s) => s.id.startsWith(`${only}.`)));
    if (children.length < 2) break;
    tops = children;
  }
  return tops;
}

function sectionBars(
  assessment: Assessment,
  lang: Lang,
  anchors: Map<string, string>,
): PdfView['summary']['sectionBars'] {
  const tops = topLevel(assessment);
  const byTop = new Map<string, StatusCounts>();
  for (const result of assessment.results) {
    const key = topSection(result, tops);
    const counts =
      byTop.get(key) ?? (Object.fromEntries(STATUSES.map((s) => [s, 0])) as unknown as StatusCounts);
    counts[result.status]++;
    byTop.set(key, counts);
  }
  return [...byTop].map(([id, counts]) => {
    const scored = counts.pass + counts.fail;
    return {
      id,
      title: pick(assessment.sections.find((s) => s.id === id)?.title, lang),
      anchor: anchors.get(id) ?? '',
      total: STATUSES.reduce((sum, s) => sum + counts[s], 0),
      score: scored === 0 ? '—' : `${Math.round((counts.pass / scored) * 1000) / 10}%`,
      segments: stackedBar(counts, BAR_WIDTH),
    };
  });
}

function publishedFails(results: RequirementResult[]): number {
  return results.filter((r) => r.status === 'provider-attested' && r.mapping.published?.result === 'fail')
    .length;
}

/** The status legend, with provider-attested split into published pass and published fail. */
function statusRows(assessment: Assessment, lang: Lang): PdfView['summary']['statusRows'] {
  const L = labels(lang);
  const total = assessment.summary.total;
  const failed = publishedFails(assessment.results);
  const share = (n: number) => (total === 0 ? '—' : `${Math.round((n / total) * 1000) / 10}%`);
  return STATUSES.flatMap((status) => {
    const count = assessment.summary.counts[status];
    const row = (s: SummaryStatus, label: string, n: number, color: string) => ({
      status: s,
      label,
      count: n,
      share: share(n),
      color,
    });
    if (status !== 'provider-attested')
      return [row(status, pick(STATUS_LABELS[status], lang), count, STATUS_CHART_COLOR[status])];
    return [
      row(status, L.attestedPass, count - failed, STATUS_CHART_COLOR[status]),
      row('published-fail', L.publishedFail, failed, PUBLISHED_FAIL_COLOR),
    ];
  });
}

/**
 * Counts per responsibility. The provider's rows get no score: the customer neither observes nor changes them,
 * so a "0 pass, 1 fail, score 0 %" line would say nothing true; they are counted by what the provider publishes.
 */
function responsibilityRows(assessment: Assessment, lang: Lang): ResponsibilityRow[] {
  return assessment.summary.byResponsibility.map((g) => {
    const rows = assessment.results.filter((r) => r.mapping.responsibility === g.key);
    const publishedFail = publishedFails(rows);
    const attestedPass = g.counts['provider-attested'] - publishedFail;
    const total = STATUSES.reduce((sum, s) => sum + g.counts[s], 0);
    const shown = g.counts.pass + g.counts.fail + attestedPass + publishedFail + g.counts['not-applicable'];
    return {
      label: pick(RESPONSIBILITY_LABELS[g.key as keyof typeof RESPONSIBILITY_LABELS], lang) || g.key,
      total,
      pass: g.counts.pass,
      fail: g.counts.fail,
      attestedPass,
      publishedFail,
      notApplicable: g.counts['not-applicable'],
      other: total - shown,
      score: g.key === 'provider' || g.score === null ? '—' : `${g.score}%`,
    };
  });
}

/** The page that says in plain words what the headline score counts and what it leaves out. */
function explained(assessment: Assessment, lang: Lang): PdfView['summary']['explained'] {
  const L = labels(lang);
  const headline = assessment.summary.headline;
  const counts = headline?.counts ?? assessment.summary.counts;
  const all = assessment.summary.counts;
  const failed = publishedFails(assessment.results);
  const score = assessment.summary.score === null ? '—' : `${assessment.summary.score}%`;
  const fill = (template: string, values: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  const label = (s: Status) => pick(STATUS_LABELS[s], lang);
  return {
    intro: fill(L.scoreIs, { score }),
    method: pick(headline?.method, lang) || L.scoreNote,
    counts: fill(L.scoreCounts, { pass: counts.pass, fail: counts.fail, error: counts.error }),
    leftOut: [
      { label: L.attestedPass, count: all['provider-attested'] - failed, why: L.leftOutAttestedPass },
      { label: L.publishedFail, count: failed, why: L.leftOutPublishedFail },
      { label: label('not-applicable'), count: all['not-applicable'], why: L.leftOutNotApplicable },
      { label: label('equivalent-control'), count: all['equivalent-control'], why: L.leftOutEquivalent },
      { label: label('manual'), count: all.manual, why: L.leftOutManual },
      { label: label('waived'), count: all.waived, why: L.leftOutWaived },
    ],
    apart:
      headline && headline.apart.total > 0
        ? fill(L.leftOutApart, {
            n: headline.apart.total,
            pass: headline.apart.counts.pass,
            fail: headline.apart.counts.fail,
            score: headline.apart.score === null ? '—' : `${headline.apart.score}%`,
          })
        : '',
    notComparable: L.scoreNotComparable,
  };
}

function groupRows(groups: ScoreGroup[], label: (g: ScoreGroup) => string): GroupRow[] {
  return groups.map((g) => ({
    label: label(g),
    total: STATUSES.reduce((sum, s) => sum + g.counts[s], 0),
    counts: g.counts,
    other: STATUSES.filter((s) => s !== 'pass' && s !== 'fail').reduce((sum, s) => sum + g.counts[s], 0),
    score: g.score === null ? '—' : `${g.score}%`,
  }));
}

/** Failed results, most serious first: shall before should, L1 before L2, then by offending objects. */
function topFailed(results: RequirementResult[]): RequirementResult[] {
  const rank = (r: RequirementResult) => (r.strength === 'should' ? 1 : 0) * 2 + (r.level === 'L2' ? 1 : 0);
  return results
    .filter((r) => r.status === 'fail')
    .sort((a, b) => rank(a) - rank(b) || b.offenderCount - a.offenderCount);
}

function waiverRows(waivers: WaiverRecord[] | undefined, lang: Lang): PdfView['waivers'] {
  const L = labels(lang);
  const stateLabel: Record<WaiverRecord['state'], string> = {
    applied: L.waiverApplied,
    expired: L.waiverExpired,
    unused: L.waiverUnused,
  };
  return {
    present: waivers !== undefined && waivers.length > 0,
    rows: (waivers ?? []).map((w) => ({
      id: w.id,
      target: [w.target.requirement, w.target.check].filter(Boolean).join(' / '),
      scope: scopeText(w.scope),
      justification: w.justification,
      scenario: w.scenario ?? '',
      approver: w.approver,
      expires: w.expires,
      state: stateLabel[w.state] ?? w.state,
      flagged: w.state !== 'applied',
      appliedTo: w.appliedTo.join(', '),
    })),
  };
}

export function scopeText(scope: WaiverRecord['scope']): string {
  const parts = [scope.cluster, scope.namespace, scope.name].map((p) => p ?? '*');
  const selector = scope.labelSelector
    ? Object.entries(scope.labelSelector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : '';
  return parts.join('/') + (selector ? ` [${selector}]` : '');
}

function appendix(files: FileHash[], moreTemplate: string): PdfView['appendix'] {
  const shown = files.slice(0, PDF_APPENDIX_FILES);
  return {
    files: shown,
    more: files.length > shown.length ? moreTemplate.replace('{n}', String(files.length - shown.length)) : '',
  };
}

/** One line on what is shown apart from the headline score: its counts and its own pass rate. */
function apartLine(assessment: Assessment, lang: Lang): string {
  const headline = assessment.summary.headline;
  if (!headline || headline.apart.total === 0) return '';
  const L = labels(lang);
  const { counts, score, total } = headline.apart;
  const pass = pick(STATUS_LABELS.pass, lang);
  const fail = pick(STATUS_LABELS.fail, lang);
  return `${L.shownApart}: ${total} · ${pass} ${counts.pass} · ${fail} ${counts.fail} · ${L.score} ${score === null ? '—' : `${score}%`}`;
}
