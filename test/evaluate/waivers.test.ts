// Waivers: whole-requirement and per-object exceptions, expiry, unused waivers, and validation errors.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { applyWaivers } from '../../src/evaluate/apply-waivers.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadWaivers, type Waiver } from '../../src/evaluate/waiver-file.js';
import type { Assessment } from '../../src/model/assessment.js';
import type { Facts } from '../../src/model/facts.js';

const NOW = new Date('2026-11-25T12:00:00Z');
let dir: string;
let facts: Facts;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ke-waivers-'));
  facts = await loadSnapshot('samples/aks-prod');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function assessWith(waivers: Waiver[]): Promise<Assessment> {
  return evaluate(facts, await loadCatalogue(), {
    framework: 'cis-kubernetes-1.11.1',
    profile: 'aks',
    now: NOW,
    waivers: { file: 'w.yaml', waivers },
  });
}

const base = {
  scope: {},
  justification: 'Accepted by the risk board',
  approver: 'CISO office',
  expires: '2027-03-31',
};
const result = (a: Assessment, id: string) => a.results.find((r) => r.id === id)!;

describe('applying waivers', () => {
  it('waives a whole requirement and keeps what the facts showed', async () => {
    const a = await assessWith([{ ...base, id: 'W-1', requirement: '1.2.27' }]);
    const r = result(a, '1.2.27');
    expect(r.status).toBe('waived');
    expect(r.waiver?.id).toBe('W-1');
    expect(r.evidence.length).toBeGreaterThan(0);
    expect(a.waivers?.[0]).toMatchObject({ id: 'W-1', state: 'applied', appliedTo: ['1.2.27'] });
    expect(a.summary.counts.waived).toBe(1);
  });

  it('waives single objects by namespace and name; the requirement stays failed while others remain', async () => {
    const a = await assessWith([
      {
        ...base,
        id: 'W-2',
        check: 'workload-privileged-containers',
        scope: { namespace: 'monitoring', name: 'node-exporter*' },
      },
    ]);
    const r = result(a, '5.2.2');
    expect(r.status).toBe('fail');
    expect(r.offenders.find((o) => o.namespace === 'monitoring')?.waiver).toBe('W-2');
    expect(r.offenders.find((o) => o.namespace === 'default')?.waiver).toBeUndefined();
    expect(r.reason.en).toContain('1 remain');
  });

  it('marks only its own framework: the same check in another framework from the same facts stays unwaived', async () => {
    // Check outcomes, and the offending objects in them, are shared across frameworks evaluated from one load.
    const waived = await assessWith([
      {
        ...base,
        id: 'W-9',
        framework: 'cis-kubernetes-1.11.1',
        check: 'workload-privileged-containers',
        scope: { namespace: 'monitoring' },
      },
    ]);
    const other = await evaluate(facts, await loadCatalogue(), {
      framework: 'nsa-cisa-1.2',
      profile: 'aks',
      now: NOW,
      waivers: { file: 'w.yaml', waivers: [] },
    });
    const mine = result(waived, '5.2.2').offenders.filter((o) => o.namespace === 'monitoring');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o) => o.waiver === 'W-9')).toBe(true);
    const theirs = other.results
      .filter((r) => r.checks.includes('workload-privileged-containers'))
      .flatMap((r) => r.offenders);
    expect(theirs.some((o) => o.namespace === 'monitoring')).toBe(true);
    expect(theirs.every((o) => o.waiver === undefined)).toBe(true);
    // And a later evaluation of the waived framework without waivers is clean too.
    const again = await assessWith([]);
    expect(result(again, '5.2.2').offenders.every((o) => o.waiver === undefined)).toBe(true);
  });

  it('waives the requirement once every offending object is covered, by labels too', async () => {
    const a = await assessWith([
      { ...base, id: 'W-3', requirement: '5.2.2', scope: { labelSelector: { app: 'node-exporter' } } },
      { ...base, id: 'W-4', requirement: '5.2.2', scope: { namespace: 'default', name: 'debug-shell' } },
    ]);
    expect(result(a, '5.2.2').status).toBe('waived');
    expect(a.waivers?.map((w) => w.state)).toEqual(['applied', 'applied']);
  });

  it('flags an expired waiver and does not apply it', async () => {
    const a = await assessWith([{ ...base, id: 'W-5', requirement: '1.2.27', expires: '2026-11-24' }]);
    expect(result(a, '1.2.27').status).toBe('fail');
    expect(a.waivers?.[0]?.state).toBe('expired');
  });

  it('reports a waiver that matches nothing as unused', async () => {
    const a = await assessWith([
      { ...base, id: 'W-6', requirement: '5.2.2', scope: { namespace: 'no-such-namespace' } },
    ]);
    expect(a.waivers?.[0]?.state).toBe('unused');
    expect(result(a, '5.2.2').status).toBe('fail');
  });

  it('never turns a pass or an error into a waiver', async () => {
    const a = await assessWith([{ ...base, id: 'W-7', requirement: '1.1.1' }]);
    expect(result(a, '1.1.1').status).toBe('not-applicable');
    expect(a.waivers?.[0]?.state).toBe('unused');
  });

  it('rejects a scenario that no framework defines', () => {
    expect(() =>
      applyWaivers([], [{ ...base, id: 'W-8', requirement: '1.1.1', scenario: 'made-up' }], {
        frameworkId: 'x',
        facts,
        now: NOW,
        scenarios: new Set(['csi-privileged']),
        file: 'w.yaml',
      }),
    ).toThrow('w.yaml: waivers[0].scenario: "made-up" is not a known exception scenario');
  });
});

describe('reading a waivers file', () => {
  it('reads ids, scopes and dates', async () => {
    const file = join(dir, 'ok.yaml');
    await writeFile(
      file,
      'waivers:\n  - id: W-1\n    requirement: 5.2.2\n    scope: { namespace: monitoring }\n    justification: node monitoring agent\n    approver: Li Wei\n    expires: 2027-03-31\n',
    );
    const waivers = await loadWaivers(file);
    expect(waivers[0]).toMatchObject({
      id: 'W-1',
      requirement: '5.2.2',
      scope: { namespace: 'monitoring' },
      expires: '2027-03-31',
    });
  });

  it.each([
    [
      'waivers:\n  - id: W-1\n    requirement: 5.2.2\n    justification: j\n    expires: 2027-03-31\n',
      ':2',
      'waivers[0].approver',
    ],
    [
      'waivers:\n  - id: W-1\n    justification: j\n    approver: a\n    expires: 2027-03-31\n',
      ':2',
      'waivers[0].requirement',
    ],
    [
      'waivers:\n  - id: W-1\n    check: c\n    justification: j\n    approver: a\n    expires: soon\n',
      ':6',
      'waivers[0].expires',
    ],
    [
      'waivers:\n  - id: W-1\n    check: c\n    scope: { pod: x }\n    justification: j\n    approver: a\n    expires: 2027-01-01\n',
      ':4',
      'waivers[0].scope',
    ],
  ])('names the file, line and field of a bad waiver (%#)', async (text, line, field) => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, text);
    const error = await loadWaivers(file).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`bad.yaml${line}: ${field}`);
  });
});
