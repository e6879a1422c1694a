// JUnit XML for CI systems (GitLab, Jenkins, Azure DevOps): a test suite per framework section, a test case per requirement.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Assessment, RequirementResult } from '../model/assessment.js';
import type { Status } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { writeFileAtomic } from '../util/fs.js';
import { formatLabels } from './format-labels.js';
import { labels } from './labels.js';
import { isoUtc } from './time.js';
import { formatValue, resultRow, type ResultRow } from './view-model.js';

/**
 * A failure's text lists at most this many offending objects, so junit.xml stays small enough for CI systems to
 * parse and display even when a result has 200,000 objects; it says how many more findings.csv and the workbook hold.
 */
export const JUNIT_OFFENDERS_PER_RESULT = 100;

/** Statuses reported as skipped, with their reason; pass and equivalent-control pass; fail and error are themselves. */
const SKIPPED: ReadonlySet<Status> = new Set(['manual', 'not-applicable', 'provider-attested', 'waived']);

export async function writeJunit(assessment: Assessment, file: string, lang: Lang): Promise<void> {
  await writeFileAtomic(file, junitXml(assessment, lang));
}

export function junitXml(assessment: Assessment, lang: Lang): string {
  const counts = assessment.summary.counts;
  const skipped = [...SKIPPED].reduce((n, s) => n + counts[s], 0);
  const timestamp = isoUtc(assessment.generatedAt);
  // Characters XML 1.0 cannot carry (control characters in a hostile object name) become U+FFFD instead of failing.
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele(
    'testsuites',
    {
      name: `${assessment.tool.name}: ${pick(assessment.framework.title, lang)} — ${assessment.cluster.name}`,
      tests: String(assessment.results.length),
      failures: String(counts.fail),
      errors: String(counts.error),
      skipped: String(skipped),
      time: '0',
      timestamp,
    },
  );
  for (const section of assessment.sections) {
    const results = assessment.results.filter((r) => r.section === section.id);
    if (results.length > 0)
      addSuite(root, assessment, `${section.id} ${pick(section.title, lang)}`, results, lang);
  }
  // Results whose section the framework does not list still appear, in a suite of their own.
  const known = new Set(assessment.sections.map((s) => s.id));
  const orphans = assessment.results.filter((r) => !known.has(r.section));
  if (orphans.length > 0) addSuite(root, assessment, labels(lang).none, orphans, lang);
  return root.end({ prettyPrint: true });
}

function addSuite(
  root: XMLBuilder,
  assessment: Assessment,
  name: string,
  results: RequirementResult[],
  lang: Lang,
): void {
  const count = (pred: (s: Status) => boolean) => String(results.filter((r) => pred(r.status)).length);
  const suite = root.ele('testsuite', {
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
  const props = suite.ele('properties');
  for (const [name, value] of [
    ['framework', assessment.framework.id],
    ['profile', assessment.profile.id],
    ['cluster', assessment.cluster.name],
    ['collectedAt', isoUtc(assessment.collection.collectedAt)],
  ]) {
    props.ele('property', { name, value });
  }
  for (const result of results) addCase(suite, assessment, resultRow(result, assessment, lang), lang);
}

function addCase(suite: XMLBuilder, assessment: Assessment, row: ResultRow, lang: Lang): void {
  const L = labels(lang);
  const testcase = suite.ele('testcase', {
    name: `${row.id} ${row.title}`,
    classname: `${assessment.framework.id}.${row.section}`,
    time: '0',
  });
  const message = `${row.statusLabel}: ${row.reason}`;
  if (row.status === 'fail') {
    testcase.ele('failure', { message, type: row.status }).txt(details(row, lang));
  } else if (row.status === 'error') {
    testcase.ele('error', { message, type: row.status }).txt(details(row, lang));
  } else if (SKIPPED.has(row.status)) {
    const why = [message, row.mappingReason, row.waiver, row.procedure && `${L.procedure}: ${row.procedure}`]
      .filter(Boolean)
      .join(' — ');
    testcase.ele('skipped', { message: why });
  }
  // Every case, passed ones included, carries what decided it, where CI systems show a test's output.
  testcase.ele('system-out').txt(details(row, lang));
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
