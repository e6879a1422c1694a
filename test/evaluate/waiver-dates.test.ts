// Waiver dates are real calendar dates in ISO 8601: anything else is exit 2 naming waivers[i].expires.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { applyWaivers } from '../../src/evaluate/apply-waivers.js';
import { loadWaivers } from '../../src/evaluate/waiver-file.js';
import { isCalendarDate } from '../../src/util/calendar-date.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ke-waiver-dates-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const BAD_DATES = [
  '2020-13-01',
  '0000-00-00',
  '9999-99-99',
  '2020-01-01 or never',
  '2023-02-29',
  '2024-04-31',
  '2020-1-1',
  '20200101',
  '2027-03-31T00:00:00Z',
];

const waiverFile = (expires: string) =>
  `waivers:\n  - id: W-1\n    requirement: 5.2.2\n    justification: j\n    approver: a\n    expires: ${expires}\n`;

describe('strict waiver dates', () => {
  it('accepts real days, leap days included', () => {
    for (const date of ['2027-03-31', '2024-02-29', '2000-02-29', '9999-12-31', '0001-01-01'])
      expect(isCalendarDate(date), date).toBe(true);
  });

  it.each(BAD_DATES)('refuses %s in the file, naming waivers[0].expires', async (date) => {
    const file = join(dir, 'w.yaml');
    await writeFile(file, waiverFile(JSON.stringify(date)));
    const error = await loadWaivers(file).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('w.yaml:6: waivers[0].expires');
    expect((error as Error).message).toContain('real calendar date');
  });

  it('refuses an unquoted impossible date too (YAML reads it as text)', async () => {
    const file = join(dir, 'unquoted.yaml');
    await writeFile(file, waiverFile('2020-13-01'));
    await expect(loadWaivers(file)).rejects.toThrow('waivers[0].expires');
  });

  it('refuses a bad date handed to the library directly, so it can never apply forever', async () => {
    const facts = await loadSnapshot('samples/aks-prod');
    const waiver = {
      id: 'W-9',
      requirement: '1.2.27',
      scope: {},
      justification: 'j',
      approver: 'a',
      expires: '9999-99-99',
    };
    expect(() =>
      applyWaivers([], [waiver, { ...waiver, expires: '2020-01-01 or never' }], {
        frameworkId: 'cis-kubernetes-1.11.1',
        facts,
        now: new Date(),
        scenarios: new Set(),
        file: 'w.yaml',
      }),
    ).toThrow('w.yaml: waivers[0].expires');
  });

  it('report --waivers with 2020-13-01 exits 2 with one line naming the field', async () => {
    const file = join(dir, 'cli.yaml');
    await writeFile(file, waiverFile('"2020-13-01"'));
    const out = join(dir, 'out');
    const run = await runCli([
      'report',
      '--snapshot',
      'samples/aks-prod',
      '--profile',
      'aks',
      '--format',
      'json',
      '--waivers',
      file,
      '--out',
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('waivers[0].expires');
  });
});
