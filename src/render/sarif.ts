// SARIF 2.1.0 for code-scanning tools: one run per framework, a rule per requirement, a result per failing or erroring one.
import type { Assessment, RequirementResult } from '../model/assessment.js';
import type { Evidence, Offender } from '../model/check.js';
import { STATUS_LABELS } from '../model/status.js';
import { pick } from '../model/text.js';
import { writeChunksAtomic } from '../util/fs.js';
import type { RenderContext } from './formats.js';
import { formatValue } from './view-model.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base every artifact location is relative to: the evidence pack's top folder, which holds snapshot/. */
const PACK_ROOT = 'PACKROOT';

export async function writeSarif(
  assessment: Assessment,
  file: string,
  context: RenderContext,
): Promise<void> {
  await writeChunksAtomic(file, sarifChunks(assessment, context));
}

/**
 * The log as text chunks: the run without its results, then each result and each of its locations. A result can
 * have one location per offending object (100,000 and more on a large cluster), so the log is never one string.
 */
export function* sarifChunks(
  assessment: Assessment,
  context: Pick<RenderContext, 'lang' | 'documentId'>,
): Generator<string> {
  const run = {
    tool: {
      driver: {
        name: assessment.tool.name,
        version: assessment.tool.version,
        semanticVersion: assessment.tool.version,
        informationUri: 'https://www.npmjs.com/package/kube-evidence',
        rules: assessment.results.map((r) => rule(r, assessment, context.lang)),
      },
    },
    automationDetails: {
      id: `${assessment.framework.id}/${assessment.profile.id}/${assessment.cluster.name}/`,
      description: {
        text: `${pick(assessment.framework.title, context.lang)} — ${assessment.cluster.name}.`,
      },
    },
    originalUriBaseIds: {
      [PACK_ROOT]: {
        description: { text: 'The evidence pack folder that holds manifest.json and snapshot/.' },
      },
    },
    invocations: [
      {
        executionSuccessful: true,
        startTimeUtc: assessment.collection.collectedAt,
        endTimeUtc: assessment.generatedAt,
      },
    ],
    columnKind: 'unicodeCodePoints',
    properties: {
      framework: assessment.framework,
      profile: assessment.profile,
      cluster: assessment.cluster,
      score: assessment.summary.score,
      counts: assessment.summary.counts,
      documentId: context.documentId,
    },
  };
  const head = JSON.stringify(
    { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [{ ...run, results: [] }] },
    null,
    2,
  );
  // Everything up to the empty results array, which the results below fill.
  const cut = head.lastIndexOf('"results": []');
  yield `${head.slice(0, cut)}"results": [`;
  const files = snapshotFiles(assessment);
  let first = true;
  for (let ruleIndex = 0; ruleIndex < assessment.results.length; ruleIndex++) {
    const result = assessment.results[ruleIndex]!;
    if (result.status !== 'fail' && result.status !== 'error' && result.status !== 'waived') continue;
    const { locations, ...rest } = sarifResult(result, ruleIndex, context.lang);
    const text = JSON.stringify(rest, null, 2).replace(/\n/g, '\n        ');
    yield `${first ? '' : ','}\n        ${text.slice(0, -10)},\n          "locations": [`;
    first = false;
    let firstLocation = true;
    for (const location of locations(files)) {
      yield `${firstLocation ? '' : ','}\n            ${JSON.stringify(location)}`;
      firstLocation = false;
    }
    yield `\n          ]\n        }`;
  }
  yield `${first ? '' : '\n      '}${head.slice(cut + '"results": ['.length)}\n`;
}

function rule(result: RequirementResult, assessment: Assessment, lang: 'zh' | 'en') {
  const section = assessment.sections.find((s) => s.id === result.section);
  const help = result.remediation ?? result.procedure;
  return {
    id: result.id,
    shortDescription: { text: pick(result.title, lang) },
    fullDescription: { text: pick(result.title, lang) },
    ...(help ? { help: { text: pick(help, lang) } } : {}),
    defaultConfiguration: { level: 'error' },
    properties: {
      // Both languages, whichever the report language is.
      title: result.title,
      ...(help ? { help } : {}),
      section: { id: result.section, title: section?.title },
      level: result.level,
      assessment: result.assessment,
      checks: result.checks,
      // Where the tool reads the requirement differently from its source (the framework's review), both languages.
      ...(result.deviation ? { deviation: result.deviation } : {}),
      tags: [assessment.framework.id, `section:${result.section}`, ...(result.level ? [result.level] : [])],
    },
  };
}

interface SarifLocation {
  physicalLocation?: { artifactLocation: { uri: string; uriBaseId: string } };
  logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[];
  message?: { text: string };
  properties: Record<string, unknown>;
}

/** A SARIF result for a fail (level error), an error (warning) or a waived requirement (error, suppressed). */
function sarifResult(result: RequirementResult, ruleIndex: number, lang: 'zh' | 'en') {
  const status = pick(STATUS_LABELS[result.status], lang);
  return {
    ruleId: result.id,
    ruleIndex,
    level: result.status === 'error' ? 'warning' : 'error',
    kind: 'fail',
    message: { text: sentence(`${status}: ${pick(result.reason, lang)}`) },
    ...(result.waiver
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `${result.waiver.id}: ${result.waiver.justification} (${result.waiver.approver}, ${result.waiver.expires})`,
            },
          ],
        }
      : {}),
    properties: {
      status: result.status,
      reason: result.reason,
      offenderCount: result.offenderCount,
      evidence: result.evidence,
      mapping: result.mapping.mapping,
      responsibility: result.mapping.responsibility,
    },
    /** A location per offending object; a result with none points at the facts that decided it. */
    *locations(files: Map<string, string>): Generator<SarifLocation> {
      if (result.offenders.length > 0) for (const o of result.offenders) yield offenderLocation(o, files);
      else for (const e of result.evidence) yield evidenceLocation(e);
    },
  };
}

/** Logical location `namespace/kind/name`; physical location the snapshot file the object was read from, with its JSON path. */
function offenderLocation(o: Offender, files: Map<string, string>): SarifLocation {
  const fullyQualifiedName = [o.namespace ?? '', o.kind, o.name].join('/').replace(/^\//, '');
  const file = files.get(o.kind);
  const selector = o.namespace
    ? `$.items[?(@.metadata.namespace==${JSON.stringify(o.namespace)} && @.metadata.name==${JSON.stringify(o.name)})]`
    : `$.items[?(@.metadata.name==${JSON.stringify(o.name)})]`;
  return {
    ...(file
      ? { physicalLocation: { artifactLocation: { uri: `snapshot/${file}`, uriBaseId: PACK_ROOT } } }
      : {}),
    logicalLocations: [{ name: o.name, fullyQualifiedName, kind: 'object' }],
    message: {
      text: sentence(`${o.container ? `[${o.container}] ` : ''}${o.field} = ${formatValue(o.value)}`),
    },
    properties: {
      jsonPath: selector,
      field: o.field,
      ...(o.container ? { container: o.container } : {}),
      value: o.value,
      ...(o.waiver ? { waiver: o.waiver } : {}),
    },
  };
}

function evidenceLocation(e: Evidence): SarifLocation {
  return {
    ...(e.file
      ? { physicalLocation: { artifactLocation: { uri: `snapshot/${e.file}`, uriBaseId: PACK_ROOT } } }
      : {}),
    logicalLocations: [{ name: e.path, fullyQualifiedName: `${e.source}:${e.path}`, kind: 'member' }],
    message: { text: sentence(`${e.path}: ${formatValue(e.observed)} (${e.expected})`) },
    properties: {
      jsonPath: e.path,
      source: e.source,
      observed: e.observed,
      expected: e.expected,
      time: e.time,
    },
  };
}

/** Snapshot file per Kubernetes kind, from the sources the assessment recorded (`kubernetes:Pod` → kubernetes/pods.json). */
function snapshotFiles(assessment: Assessment): Map<string, string> {
  const files = new Map<string, string>();
  for (const s of assessment.collection.sources) {
    const kind = /^kubernetes:([A-Z][A-Za-z]*)$/.exec(s.part)?.[1];
    if (kind && s.file) files.set(kind, s.file);
  }
  return files;
}

/** SARIF asks messages to be sentences (rule SARIF2001 of its validator): end them with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?。！？]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
