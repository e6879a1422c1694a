// junit.xml parsed back with fast-xml-parser: a suite per section, a case per requirement, statuses as failure/error/skipped.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/model/assessment.js';
import { JUNIT_OFFENDERS_PER_RESULT, writeJunit } from '../../../src/render/junit.js';
import { tempDir } from '../sample.js';
import { hostileAssessment } from './hostile-sample.js';

interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '#text': string };
  error?: { '@_message': string; '#text': string };
  skipped?: { '@_message': string };
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase: Case[];
}

let assessment: Assessment;
let xml: string;
let suites: Suite[];

beforeAll(async () => {
  assessment = await hostileAssessment();
  // One result of each status the mapping treats differently.
  const manual = assessment.results.find((r) => r.status === 'manual')!;
  manual.procedure ??= { zh: '检查审计策略文件。', en: 'Check the audit policy file.' };
  const error = assessment.results.find((r) => r.status === 'pass')!;
  error.status = 'error';
  assessment.summary.counts.error += 1;
  assessment.summary.counts.pass -= 1;
  const hostile = assessment.results.find((r) => r.status === 'fail')!;
  const big = assessment.results.find((r) => r.status === 'fail' && r !== hostile)!;
  big.offenders = Array.from({ length: 250 }, (_, i) => ({
    kind: 'Pod',
    namespace: 'n',
    name: `p${i}`,
    field: 'f',
    value: i,
  }));
  big.offenderCount = 250;
  expect(manual.procedure).toBeDefined();
  const dir = await tempDir('junit');
  await writeJunit(assessment, join(dir, 'junit.xml'), 'en');
  xml = await readFile(join(dir, 'junit.xml'), 'utf8');
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  suites = parser.parse(xml).testsuites.testsuite as Suite[];
});

describe('JUnit XML', () => {
  it('is well-formed XML with a suite per framework section and a case per requirement', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const sections = new Set(assessment.results.map((r) => r.section));
    expect(suites).toHaveLength(sections.size);
    const cases = suites.flatMap((s) => s.testcase);
    expect(cases).toHaveLength(assessment.results.length);
    for (const suite of suites) expect(Number(suite['@_tests'])).toBe(suite.testcase.length);
  });

  it('maps fail to failure, error to error, manual and the provider statuses to skipped with the reason', () => {
    const cases = new Map(suites.flatMap((s) => s.testcase).map((c) => [c['@_name'].split(' ')[0]!, c]));
    for (const result of assessment.results) {
      const c = cases.get(result.id)!;
      expect(c, result.id).toBeDefined();
      expect(Boolean(c.failure), `${result.id} failure`).toBe(result.status === 'fail');
      expect(Boolean(c.error), `${result.id} error`).toBe(result.status === 'error');
      const skipped = ['manual', 'not-applicable', 'provider-attested', 'waived'].includes(result.status);
      expect(Boolean(c.skipped), `${result.id} skipped`).toBe(skipped);
      if (skipped) expect(c.skipped!['@_message']).toContain(result.reason.en);
      if (result.status === 'manual' && result.procedure)
        expect(c.skipped!['@_message']).toContain(result.procedure!.en.slice(0, 30));
    }
    const failures = suites.reduce((n, s) => n + Number(s['@_failures']), 0);
    expect(failures).toBe(assessment.summary.counts.fail);
    expect(suites.reduce((n, s) => n + Number(s['@_errors']), 0)).toBe(1);
  });

  it('puts the evidence and the offending objects in the failure, hostile names as text, the list capped', () => {
    const cases = suites.flatMap((s) => s.testcase);
    const failures = cases.filter((c) => c.failure).map((c) => c.failure!['#text']);
    const all = failures.join('\n');
    expect(all).toContain(`<script>fetch('http://evil.example/x')</script>`);
    expect(all).toContain('=HYPERLINK(');
    // The control character XML cannot carry is replaced, not dropped with the rest of the name.
    expect(all).toContain('控制\uFFFD字符');
    const big = failures.find((f) => f.includes('p249') || f.includes('(250)'))!;
    expect(big).toContain(`p${JUNIT_OFFENDERS_PER_RESULT - 1} `);
    expect(big).not.toContain(`p${JUNIT_OFFENDERS_PER_RESULT} `);
    expect(big).toContain(`${250 - JUNIT_OFFENDERS_PER_RESULT} more`);
    const withEvidence = assessment.results.find((r) => r.status === 'fail' && r.evidence.length > 0)!;
    expect(all).toContain(withEvidence.evidence[0]!.path);
  });
});
