// JUnit XML for CI systems (GitLab, Jenkins, Azure DevOps): a test suite per framework section, a test case per requirement.
import { createCB } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
import type { Assessment, RequirementResult } from '../model/assessment.js';
import type { Status } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { writeChunksAtomic } from '../util/fs.js';
import { formatLabels } from './format-labels.js';
import { labels } from './labels.js';
import { isoUtc } from './time.js';
import { formatValue, resultRow, type ResultRow } from './view-model.js';

/**
 * A failure's text lists at most this many offending objects, so junit.xml stays small enough for CI systems to
 * parse and display even when a result has 200,000 objects; it says how many more findings.csv and the workbook hold.
 */
export const JUNIT_OFFENDERS_PER_RESULT = 100;

/** Anything outside XML 1.0's Char production, lone surrogates included. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Statuses reported as skipped, with their reason; pass and equivalent-control pass; fail and error are themselves. */
const SKIPPED: ReadonlySet<Status> = new Set(['manual', 'not-applicable', 'provider-attested', 'waived']);

export async function writeJunit(assessment: Assessment, file: string, lang: Lang): Promise<void> {
  await writeChunksAtomic(file, junitChunks(assessment, lang));
}

/**
 * The document as text chunks, one test case at a time. xmlbuilder2's callback writer emits elements as they are
 * closed, so no document tree is built: a tree of a framework's 80,000 evidence lines made the garbage collector
 * take most of 20 s and 900 MiB at 150,000 pods.
 */
export function* junitChunks(assessment: Assessment, lang: Lang): Generator<string> {
  let pending: string[] = [];
  const flush = (): string => {
    const text = pending.join('');
    pending = [];
    return text;
  };
  // Characters XML 1.0 cannot carry (control characters in a hostile object name) become U+FFFD instead of failing.
  // The callback writer ignores xmlbuilder2's invalidCharReplacement; markup never holds such characters, so
  // replacing them in the serialised chunks touches only text and attribute values.
  const xml = createCB({
    data: (chunk: string) => pending.push(chunk.replace(NOT_XML_CHAR, '\uFFFD')),
    prettyPrint: true,
  });
  const counts = assessment.summary.counts;
  const skipped = [...SKIPPED].reduce((n, s) => n + counts[s], 0);
  xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: `${assessment.tool.name}: ${pick(assessment.framework.title, lang)} — ${assessment.cluster.name}`,
    tests: String(assessment.results.length),
    failures: String(counts.fail),
    errors: String(counts.error),
    skipped: String(skipped),
    time: '0',
    timestamp: isoUtc(assessment.generatedAt),
  });
  const suites: [string, RequirementResult[]][] = assessment.sections.map((section) => [
    `${section.id} ${pick(section.title, lang)}`,
    assessment.results.filter((r) => r.section === section.id),
  ]);
  // Results whose section the framework does not list still appear, in a suite of their own.
  const known = new Set(assessment.sections.map((s) => s.id));
  suites.push([labels(lang).none, assessment.results.filter((r) => !known.has(r.section))]);
  for (const [name, results] of suites) {
    if (results.length === 0) continue;
    openSuite(xml, assessment, name, results);
    for (const result of results) {
      addCase(xml, assessment, resultRow(result, assessment, lang), lang);
      yield flush();
    }
    xml.up();
  }
  xml.up().end();
  yield flush();
}

function openSuite(
  xml: XMLBuilderCB,
  assessment: Assessment,
  name: string,
  results: RequirementResult[],
): void {
  const count = (pred: (s: Status) => boolean) => String(results.filter((r) => pred(r.status)).length);
  xml.ele('testsuite', {
    name,
    package: assessment.framework.id,
    tests: String(results.length),
    failures: count((s) => s === 'fail'),
    errors: count((s) => s === 'error'),
    skipped: count((s) => SKIPPED.has(s)),
    time: '0',
    timestamp: isoUtc(assessment.generatedAt),
    hostname: assessment.cluster.name,
  });
  xml.ele('properties');
  for (const [name, value] of [
    ['framework', assessment.framework.id],
    ['profile', assessment.profile.id],
    ['cluster', assessment.cluster.name],
    ['collectedAt', isoUtc(assessment.collection.collectedAt)],
  ]) {
    xml.ele('property', { name, value }).up();
  }
  xml.up();
}

function addCase(xml: XMLBuilderCB, assessment: Assessment, row: ResultRow, lang: Lang): void {
  const L = labels(lang);
  xml.ele('testcase', {
    name: `${row.id} ${row.title}`,
    classname: `${assessment.framework.id}.${row.section}`,
    time: '0',
  });
  const message = `${row.statusLabel}: ${row.reason}`;
  const text = details(row, lang);
  if (row.status === 'fail' || row.status === 'error') {
    xml
      .ele(row.status === 'fail' ? 'failure' : 'error', { message, type: row.status })
      .txt(text)
      .up();
  } else if (SKIPPED.has(row.status)) {
    const why = [message, row.mappingReason, row.waiver, row.procedure && `${L.procedure}: ${row.procedure}`]
      .filter(Boolean)
      .join(' — ');
    xml.ele('skipped', { message: why }).up();
  }
  // Every case, passed ones included, carries what decided it, where CI systems show a test's output.
  xml.ele('system-out').txt(text).up();
  xml.up();
}

/** The evidence, the offending objects (capped) and the remediation, as plain text. */
function details(row: ResultRow, lang: Lang): string {
  const L = labels(lang);
  const F = formatLabels(lang);
  const lines = [`${L.status}: ${row.statusLabel}`, `${L.statusReason}: ${row.reason}`];
  if (row.mappingReason) lines.push(`${L.mapping}: ${row.mapping} — ${row.mappingReason}`);
  if (row.deviation) lines.push(`${L.deviation}: ${row.deviation}`);
  lines.push(`${L.evidence}:`);
  for (const e of row.evidence) {
    lines.push(
      `  ${e.source} ${e.path}: ${e.observed} (${L.expected} ${e.expected}) @ ${e.time} ${e.file}`.trimEnd(),
    );
  }
  if (row.evidence.length === 0) lines.push(`  ${F.noEvidence}`);
  if (row.offenderCount > 0) {
    lines.push(`${L.offenders} (${row.offenderCount}):`);
    for (const o of row.offenders.slice(0, JUNIT_OFFENDERS_PER_RESULT)) {
      const where = [o.namespace, o.kind, o.name].filter(Boolean).join('/');
      lines.push(`  ${where}${o.container ? ` [${o.container}]` : ''} ${o.field} = ${formatValue(o.value)}`);
    }
    const more = row.offenderCount - Math.min(row.offenders.length, JUNIT_OFFENDERS_PER_RESULT);
    if (more > 0) lines.push(`  ${F.evidenceMore.replace('{n}', String(more))}`);
  }
  if (row.remediation) lines.push(`${L.remediation}: ${row.remediation}`);
  if (row.waiver) lines.push(`${L.waiver}: ${row.waiver}`);
  return lines.join('\n');
}
