// results.csv and findings.csv read back with csv-parse: BOM, one row per requirement and per object, no formula survives.
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/model/assessment.js';
import { writeCsv } from '../../../src/render/csv.js';
import { formatLabels } from '../../../src/render/format-labels.js';
import { labels } from '../../../src/render/labels.js';
import { tempDir } from '../sample.js';
import { HOSTILE_NAMES, hostileAssessment } from './hostile-sample.js';

let assessment: Assessment;
let dir: string;

beforeAll(async () => {
  assessment = await hostileAssessment();
  dir = await tempDir('csv');
  await writeCsv(assessment, (name) => join(dir, name), 'zh');
});

async function read(name: string): Promise<{ raw: Buffer; rows: Record<string, string>[] }> {
  const raw = await readFile(join(dir, name));
  return {
    raw,
    rows: parse(raw, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[],
  };
}

describe('CSV', () => {
  it('results.csv starts with a UTF-8 BOM and has one row per requirement, in Chinese', async () => {
    const { raw, rows } = await read('results.csv');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows).toHaveLength(assessment.results.length);
    const L = labels('zh');
    const F = formatLabels('zh');
    expect(Object.keys(rows[0]!)).toContain(L.title);
    const failed = rows.filter((r) => r[F.statusCode] === 'fail');
    expect(failed).toHaveLength(assessment.summary.counts.fail);
    expect(failed[0]![L.status]).toBe('不通过');
    const first = assessment.results[0]!;
    expect(rows[0]![L.id]).toBe(first.id);
    expect(rows[0]![L.title]).toBe(first.title.zh);
  });

  it('findings.csv has one row per offending object, hostile names kept as text with formulas neutralised', async () => {
    const { rows } = await read('findings.csv');
    const expected = assessment.results.reduce((n, r) => n + r.offenders.length, 0);
    expect(rows).toHaveLength(expected);
    const L = labels('zh');
    const names = rows.map((r) => r[L.name]!);
    // Formula starters get a leading apostrophe; everything else, quotes, commas and newlines included, is intact.
    expect(names).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(names).toContain(`'+1+2`);
    expect(names).toContain(`'-3`);
    expect(names).toContain(`'@SUM(A1)`);
    expect(names).toContain(HOSTILE_NAMES[4]);
    expect(names).toContain('a"b,c\nd');
    expect(names).toContain('控制\u0001字符');
    expect(rows.map((r) => r[L.namespace])).toContain(`'=ns`);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes English headers with --lang en', async () => {
    const en = await tempDir('csv-en');
    await writeCsv(assessment, (name) => join(en, name), 'en');
    const rows = parse(await readFile(join(en, 'results.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['Title', 'Status code', 'Status']));
  });
});
