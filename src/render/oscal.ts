// OSCAL 1.1.3 assessment results: one result per assessment, a finding per requirement, observations carrying the evidence.
import type { Assessment, RequirementResult } from '../model/assessment.js';
import type { Evidence, Offender } from '../model/check.js';
import { STATUS_LABELS, type Status } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { writeChunksAtomic } from '../util/fs.js';
import { JsonStream, jsonChunks } from '../util/json-stream.js';
import { uuidV5 } from '../util/uuid-v5.js';
import type { RenderContext } from './formats.js';
import { formatValue } from './view-model.js';

export const OSCAL_VERSION = '1.1.3';

/** Namespace of kube-evidence's own property names (OSCAL asks extensions to name theirs). */
export const OSCAL_NS = 'urn:kube-evidence:oscal';

type Json = Record<string, unknown>;

export async function writeOscal(
  assessment: Assessment,
  file: string,
  context: RenderContext,
): Promise<void> {
  await writeChunksAtomic(file, oscalChunks(assessment, context));
}

/**
 * The document as chunks. UUIDs are derived (version 5) from what the assessment is about, never from the time it
 * was rendered, so two runs on one snapshot give the same document apart from its timestamps.
 */
export function* oscalChunks(
  assessment: Assessment,
  context: Pick<RenderContext, 'lang' | 'documentId'>,
): Generator<string> {
  const lang = context.lang;
  const ids = new Ids(assessment);
  const tool = ids.of('tool');
  const cluster = ids.of('cluster');
  const origins = [{ actors: [{ type: 'tool', 'actor-uuid': tool }] }];
  const results = assessment.results;
  const hasObservations = results.some((r) => r.evidence.length > 0 || r.offenders.length > 0);
  const hasRisks = results.some(hasRisk);
  const document = {
    'assessment-results': {
      uuid: ids.of('assessment-results'),
      metadata: {
        title: `${pick(assessment.framework.title, lang)} — ${assessment.cluster.name}`,
        published: isoDateTime(assessment.generatedAt),
        'last-modified': isoDateTime(assessment.generatedAt),
        version: assessment.tool.version,
        'oscal-version': OSCAL_VERSION,
        props: props({
          framework: assessment.framework.id,
          'framework-version': assessment.framework.version,
          profile: assessment.profile.id,
          cluster: assessment.cluster.name,
          provider: assessment.cluster.provider,
          'kubernetes-version': assessment.cluster.kubernetesVersion,
          'catalogue-sha256': assessment.catalogue.hash,
          'document-id': context.documentId ? `sha256:${context.documentId}` : undefined,
        }),
      },
      'import-ap': {
        href: 'assessment.json',
        remarks:
          'No OSCAL assessment plan was written for this run. The plan is the framework and provider profile named in the metadata, as recorded in the evidence pack’s assessment.json. / 本次评估没有单独的 OSCAL 评估计划；计划即元数据中的基准和提供商配置文件，记录在证据包的 assessment.json 中。',
      },
      results: [
        {
          uuid: ids.of('result'),
          title: `${pick(assessment.framework.title, lang)} / ${pick(assessment.profile.title, lang)} — ${assessment.cluster.name}`,
          description: `${assessment.tool.name} ${assessment.tool.version}: ${results.length} requirements; score ${assessment.summary.score ?? '—'}% (pass ÷ (pass + fail)).`,
          start: isoDateTime(assessment.collection.collectedAt),
          end: isoDateTime(assessment.generatedAt),
          props: props(
            Object.fromEntries(
              Object.entries(assessment.summary.counts).map(([s, n]) => [`count-${s}`, String(n)]),
            ),
          ),
          'local-definitions': {
            components: [
              {
                uuid: cluster,
                type: 'this-system',
                title: assessment.cluster.name,
                description:
                  `Kubernetes ${assessment.cluster.kubernetesVersion ?? ''} (${assessment.cluster.provider ?? ''}) ${assessment.cluster.resourceId ?? ''}`.trim(),
                status: { state: 'operational' },
              },
            ],
            'assessment-assets': {
              components: [
                {
                  uuid: tool,
                  type: 'software',
                  title: `${assessment.tool.name} ${assessment.tool.version}`,
                  description:
                    'Collects facts read-only and evaluates them against the framework as remapped by the provider profile.',
                  status: { state: 'operational' },
                },
              ],
              'assessment-platforms': [
                {
                  uuid: ids.of('platform'),
                  title: assessment.tool.name,
                  'uses-components': [{ 'component-uuid': tool }],
                },
              ],
            },
          },
          'reviewed-controls': {
            description: pick(assessment.framework.title, lang),
            props: props({
              framework: assessment.framework.id,
              'framework-version': assessment.framework.version,
            }),
            'control-selections': [
              {
                description: `${results.length} requirements of ${assessment.framework.id}.`,
                'include-controls': results.map((r) => ({ 'control-id': controlId(assessment, r) })),
              },
            ],
          },
          observations: hasObservations
            ? new JsonStream(() => observations(assessment, ids, cluster, origins, lang))
            : undefined,
          risks: hasRisks ? new JsonStream(() => risks(assessment, ids, origins, lang)) : undefined,
          findings: new JsonStream(() => findings(assessment, ids, origins, lang)),
        },
      ],
    },
  };
  yield* jsonChunks(document, { itemPerLine: true });
  yield '\n';
}

function* observations(
  assessment: Assessment,
  ids: Ids,
  cluster: string,
  origins: Json[],
  lang: Lang,
): Generator<Json> {
  for (const result of assessment.results) {
    for (const [i, e] of result.evidence.entries())
      yield evidenceObservation(
        result,
        e,
        ids.of(`observation:${result.id}:${i}`),
        cluster,
        origins,
        assessment,
      );
    if (result.offenders.length > 0) {
      yield offendersObservation(
        result,
        ids.of(`observation:${result.id}:offenders`),
        cluster,
        origins,
        assessment,
        lang,
      );
    }
  }
}

/** One fact behind a result: its source, path, observed and expected value, time and the tool that collected it. */
function evidenceObservation(
  result: RequirementResult,
  e: Evidence,
  uuid: string,
  cluster: string,
  origins: Json[],
  assessment: Assessment,
): Json {
  return {
    uuid,
    title: `${result.id}: ${e.path}`,
    description: `Observed ${formatValue(e.observed)}; expected ${e.expected}.`,
    props: props({
      requirement: result.id,
      source: e.source,
      path: e.path,
      observed: formatValue(e.observed),
      expected: e.expected,
    }),
    methods: [result.assessment === 'automated' ? 'TEST' : 'EXAMINE'],
    types: ['control-objective'],
    origins,
    subjects: [{ 'subject-uuid': cluster, type: 'component', title: assessment.cluster.name }],
    'relevant-evidence': [
      {
        ...(e.file ? { href: `snapshot/${e.file}` } : {}),
        description: `${e.source} ${e.path}`,
        props: props({ source: e.source, path: e.path, file: e.file }),
      },
    ],
    collected: isoDateTime(e.time, assessment.collection.collectedAt),
  };
}

/** The offending objects of a result as relevant evidence, one entry per object, produced while writing. */
function offendersObservation(
  result: RequirementResult,
  uuid: string,
  cluster: string,
  origins: Json[],
  assessment: Assessment,
  lang: Lang,
): Json {
  const files = kindFiles(assessment);
  return {
    uuid,
    title: `${result.id}: ${result.offenderCount} offending objects`,
    description: pick(result.reason, lang) || `${result.offenderCount} objects break ${result.id}.`,
    props: props({ requirement: result.id, 'offender-count': String(result.offenderCount) }),
    methods: ['TEST'],
    types: ['finding'],
    origins,
    subjects: [{ 'subject-uuid': cluster, type: 'component', title: assessment.cluster.name }],
    'relevant-evidence': new JsonStream(function* () {
      for (const o of result.offenders) yield offenderEvidence(o, files);
    }),
    collected: isoDateTime(assessment.collection.collectedAt),
  };
}

function offenderEvidence(o: Offender, files: Map<string, string>): Json {
  const file = files.get(o.kind);
  const where = [o.namespace, o.kind, o.name].filter(Boolean).join('/');
  return {
    ...(file ? { href: `snapshot/${file}` } : {}),
    description: `${where}${o.container ? ` [${o.container}]` : ''}: ${o.field} = ${formatValue(o.value)}`,
    props: props({
      kind: o.kind,
      namespace: o.namespace,
      name: o.name,
      container: o.container,
      field: o.field,
      value: formatValue(o.value),
      waiver: o.waiver,
    }),
  };
}

function hasRisk(r: RequirementResult): boolean {
  return r.status === 'fail' || Boolean(r.waiver);
}

/** A risk per failing requirement (open), and per waived one (deviation approved, with justification and expiry). */
function* risks(assessment: Assessment, ids: Ids, origins: Json[], lang: Lang): Generator<Json> {
  for (const r of assessment.results.filter(hasRisk)) {
    const remediation = pick(r.remediation, lang);
    const waiver = r.waiver;
    yield {
      uuid: ids.of(`risk:${r.id}`),
      title: `${r.id} ${pick(r.title, lang)}`,
      // A waiver's justification, approver and expiry lead the description: OSCAL risks have no remarks.
      description: [
        waiver
          ? `Accepted exception ${waiver.id}: ${waiver.justification} (approved by ${waiver.approver}, expires ${waiver.expires}).`
          : '',
        pick(r.reason, lang) || pick(r.title, lang),
      ]
        .filter(Boolean)
        .join(' '),
      statement:
        `${r.offenderCount > 0 ? `${r.offenderCount} objects. ` : ''}${pick(r.reason, lang)}`.trim() ||
        pick(r.title, lang),
      props: props({
        requirement: r.id,
        'waiver-id': waiver?.id,
        approver: waiver?.approver,
        justification: waiver?.justification,
        scenario: waiver?.scenario,
        expires: waiver?.expires,
      }),
      status: waiver ? 'deviation-approved' : 'open',
      origins,
      ...(waiver ? { deadline: endOfDay(waiver.expires) } : {}),
      ...(remediation
        ? {
            remediations: [
              {
                uuid: ids.of(`remediation:${r.id}`),
                lifecycle: 'recommendation',
                title: `${r.id}`,
                description: remediation,
              },
            ],
          }
        : {}),
      ...(observationIds(r, ids).length > 0
        ? { 'related-observations': observationIds(r, ids).map((u) => ({ 'observation-uuid': u })) }
        : {}),
    };
  }
}

/** A finding per requirement: the requirement id as target, its status, and the observations and risk behind it. */
function* findings(assessment: Assessment, ids: Ids, origins: Json[], lang: Lang): Generator<Json> {
  for (const r of assessment.results) {
    const observed = observationIds(r, ids);
    const procedure = pick(r.procedure, lang);
    yield {
      uuid: ids.of(`finding:${r.id}`),
      title: `${r.id} ${pick(r.title, lang)}`,
      description: `${pick(STATUS_LABELS[r.status], lang)}: ${pick(r.reason, lang)}`,
      props: props({
        requirement: r.id,
        status: r.status,
        'finding-state': r.status === 'manual' || r.status === 'error' ? 'open' : 'closed',
        section: r.section,
        level: r.level,
        assessment: r.assessment,
        mapping: r.mapping.mapping,
        responsibility: r.mapping.responsibility,
        'mapping-reason': pick(r.mapping.reason, lang),
        'depends-on-environment': r.dependsOnEnvironment ? 'true' : undefined,
        deviation: pick(r.deviation, lang),
      }),
      origins,
      target: {
        type: 'objective-id',
        'target-id': controlId(assessment, r),
        title: `${assessment.framework.id} ${r.id}`,
        props: props({ framework: assessment.framework.id, requirement: r.id }),
        status: objectiveStatus(r),
        ...(implementationState(r.status)
          ? { 'implementation-status': { state: implementationState(r.status) } }
          : {}),
      },
      ...(observed.length > 0
        ? { 'related-observations': observed.map((u) => ({ 'observation-uuid': u })) }
        : {}),
      ...(hasRisk(r) ? { 'related-risks': [{ 'risk-uuid': ids.of(`risk:${r.id}`) }] } : {}),
      ...(procedure ? { remarks: `Procedure: ${procedure}` } : {}),
    };
  }
}

/**
 * OSCAL knows only satisfied and not-satisfied. Only what the facts showed to pass, or what the profile reasoned
 * away (not applicable, an equivalent control, the provider's published pass), is satisfied; manual, error, fail
 * and waived are not, so no consumer ever reads an unobserved requirement as met.
 */
function objectiveStatus(r: RequirementResult): Json {
  const satisfied: Record<Status, boolean> = {
    pass: true,
    fail: false,
    'not-applicable': true,
    'equivalent-control': true,
    'provider-attested': r.mapping.published?.result === 'pass',
    manual: false,
    waived: false,
    error: false,
  };
  const reason = r.status === 'pass' ? 'pass' : r.status === 'fail' ? 'fail' : 'other';
  return {
    state: satisfied[r.status] ? 'satisfied' : 'not-satisfied',
    reason,
    remarks: `kube-evidence status: ${r.status}`,
  };
}

function implementationState(status: Status): string | undefined {
  if (status === 'not-applicable') return 'not-applicable';
  if (status === 'equivalent-control') return 'alternative';
  return undefined;
}

function observationIds(r: RequirementResult, ids: Ids): string[] {
  return [
    ...r.evidence.map((_, i) => ids.of(`observation:${r.id}:${i}`)),
    ...(r.offenders.length > 0 ? [ids.of(`observation:${r.id}:offenders`)] : []),
  ];
}

/** An OSCAL token (a letter first; letters, digits, '.', '-', '_'): framework id and requirement id. */
function controlId(assessment: Assessment, r: RequirementResult): string {
  return `${assessment.framework.id}_${r.id}`.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^[^\p{L}_]/u, '_');
}

/** UUIDs named after the assessment's identity (cluster, framework, profile, catalogue, collection time). */
class Ids {
  private readonly base: string;
  constructor(a: Assessment) {
    this.base = [
      a.cluster.name,
      a.cluster.resourceId ?? '',
      a.framework.id,
      a.profile.id,
      a.catalogue.hash,
      a.collection.collectedAt,
    ].join('|');
  }
  of(name: string): string {
    return uuidV5(`${this.base}|${name}`);
  }
}

/** OSCAL props: name/value pairs whose value is non-empty with no leading, trailing or inner line breaks. */
function props(values: Record<string, string | undefined>): Json[] | undefined {
  const list = Object.entries(values)
    .map(([name, value]) => ({ name, ns: OSCAL_NS, value: (value ?? '').replace(/\s+/g, ' ').trim() }))
    .filter((p) => p.value !== '');
  return list.length > 0 ? list : undefined;
}

/** Snapshot file per Kubernetes kind, from the sources the assessment recorded. */
function kindFiles(assessment: Assessment): Map<string, string> {
  const files = new Map<string, string>();
  for (const s of assessment.collection.sources) {
    const kind = /^kubernetes:([A-Z][A-Za-z]*)$/.exec(s.part)?.[1];
    if (kind && s.file) files.set(kind, s.file);
  }
  return files;
}

/** RFC 3339 with a zone, as OSCAL's date-time type asks; text that is not a time falls back. */
function isoDateTime(value: string | undefined, fallback?: string): string {
  const ms = Date.parse(value ?? '');
  if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  const other = Date.parse(fallback ?? '');
  return new Date(Number.isNaN(other) ? 0 : other).toISOString();
}

/** A waiver's expiry date as the last second of that day in UTC. */
function endOfDay(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59Z` : isoDateTime(date);
}
