// A deviation recorded in the framework's review travels with its result into every exchange format, as the PDF
// and the workbook show it beside the result.
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/model/assessment.js';
import { writeCsv } from '../../../src/render/csv.js';
import { renderHtmlReport } from '../../../src/render/html.js';
import { writeJunit } from '../../../src/render/junit.js';
import { labels } from '../../../src/render/labels.js';
import { writeOscal } from '../../../src/render/oscal.js';
import { writeSarif } from '../../../src/render/sarif.js';
import { sampleAssessment, tempDir } from '../sample.js';

/** Q/KXY 5.4.3.1 records a deviation (Go runtime defaults), see test/render/score-and-deviation-html.test.ts. */
const ID = '5.4.3.1';
const TEXT = 'Go runtime defaults';
let assessment: Assessment;
let dir: string;
const context = () => ({ lang: 'en' as const, documentId: 'f'.repeat(64), files: [] });

beforeAll(async () => {
  assessment = await sampleAssessment('q-kxy-cs001-2023');
  expect(assessment.results.find((r) => r.id === ID)?.deviation?.en).toContain(TEXT);
  dir = await tempDir('deviation');
});

describe('a recorded deviation in the exchange formats', () => {
  it('HTML: in the result it affects', async () => {
    const html = await renderHtmlReport(assessment, { lang: 'en' });
    const start = html.indexOf(`<span class="rid">${ID}</span>`);
    expect(start).toBeGreaterThan(0);
    const row = html.slice(start, html.indexOf('</details>', start));
    expect(row).toContain('Deviation from the standard');
    expect(row).toContain(TEXT);
  });

  it('CSV: a column of results.csv', async () => {
    await writeCsv(assessment, (name) => join(dir, name), 'en');
    const rows = parse(await readFile(join(dir, 'results.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const L = labels('en');
    expect(rows.find((r) => r[L.id] === ID)![L.deviation]).toContain(TEXT);
    expect(rows.filter((r) => r[L.deviation]).length).toBe(
      assessment.results.filter((r) => r.deviation).length,
    );
  });

  it('JUnit: in the test case output', async () => {
    await writeJunit(assessment, join(dir, 'junit.xml'), 'en');
    const xml = new XMLParser({ ignoreAttributes: false }).parse(
      await readFile(join(dir, 'junit.xml'), 'utf8'),
    );
    const suites = [xml.testsuites.testsuite].flat() as { testcase: unknown }[];
    const cases = suites.flatMap((s) => [s.testcase].flat()) as Record<string, unknown>[];
    const found = cases.find((c) => String(c['@_name']).startsWith(`${ID} `))!;
    expect(String(found['system-out'])).toContain(`Deviation from the standard: `);
    expect(String(found['system-out'])).toContain(TEXT);
  });

  it('SARIF: a property of the rule, in both languages', async () => {
    await writeSarif(assessment, join(dir, 'results.sarif'), context());
    const log = JSON.parse(await readFile(join(dir, 'results.sarif'), 'utf8'));
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === ID);
    expect(rule.properties.deviation.en).toContain(TEXT);
    expect(rule.properties.deviation.zh).toBeTruthy();
  });

  it('OSCAL: a property of the finding', async () => {
    await writeOscal(assessment, join(dir, 'oscal.json'), context());
    const doc = JSON.parse(await readFile(join(dir, 'oscal.json'), 'utf8'));
    const finding = doc['assessment-results'].results[0].findings.find((f: { title: string }) =>
      f.title.startsWith(`${ID} `),
    );
    const prop = finding.props.find((p: { name: string }) => p.name === 'deviation');
    expect(prop.value).toContain(TEXT);
  });
});
