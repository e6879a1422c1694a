// The headline score follows each standard: CIS scores Automated recommendations, Q/KXY its shall + automatable requirements, NSA/CISA none.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Assessment, RequirementResult } from '../../src/model/assessment.js';
import type { Facts } from '../../src/model/facts.js';

let facts: Facts;
beforeAll(async () => {
  facts = await loadSnapshot('samples/kubeadm-lab');
});

async function assess(framework: string): Promise<Assessment> {
  return evaluate(facts, await loadCatalogue(), {
    framework,
    profile: 'kubeadm',
    now: new Date('2026-11-25T00:00:00Z'),
  });
}

const rate = (results: RequirementResult[]) => {
  const pass = results.filter((r) => r.status === 'pass').length;
  const fail = results.filter((r) => r.status === 'fail').length;
  return pass + fail === 0 ? null : Math.round((pass / (pass + fail)) * 1000) / 10;
};

describe('headline scores', () => {
  it('Q/KXY: shall and automatable only; should and not-automatable results shown apart', async () => {
    const a = await assess('q-kxy-cs001-2023');
    const counted = a.results.filter((r) => r.strength === 'shall' && r.assessment === 'automated');
    const apart = a.results.filter((r) => !(r.strength === 'shall' && r.assessment === 'automated'));
    expect(a.summary.headline?.defined).toBe(true);
    expect(a.summary.headline?.total).toBe(counted.length);
    expect(a.summary.score).toBe(rate(counted));
    expect(a.summary.headline?.apart.total).toBe(apart.length);
    expect(a.summary.headline?.apart.score).toBe(rate(apart));
    // A not-automatable requirement the facts decide never moves the headline.
    expect(apart.some((r) => r.status === 'pass' || r.status === 'fail')).toBe(true);
    expect(a.summary.headline?.method.en).toContain('shall');
  });

  it('CIS: Automated recommendations only', async () => {
    const a = await assess('cis-kubernetes-1.11.1');
    expect(a.summary.score).toBe(rate(a.results.filter((r) => r.assessment === 'automated')));
    expect(a.summary.observedScore).toBe(rate(a.results));
    expect(a.summary.headline?.method.en).toContain('Automated');
  });

  it('NSA/CISA: the guidance defines no score, so there is no headline; the observed rate is shown apart', async () => {
    const a = await assess('nsa-cisa-1.2');
    expect(a.summary.headline?.defined).toBe(false);
    expect(a.summary.score).toBeNull();
    expect(a.summary.headline?.apart.total).toBe(a.results.length);
    expect(a.summary.headline?.apart.score).toBe(rate(a.results));
  });

  it('a deviation recorded in the review travels with the result', async () => {
    const a = await assess('q-kxy-cs001-2023');
    const catalogue = await loadCatalogue();
    const reviewed = catalogue.frameworks
      .get('q-kxy-cs001-2023')!
      .requirements.filter((r) => r.review?.deviation);
    expect(reviewed.length).toBeGreaterThan(0);
    for (const r of reviewed)
      expect(a.results.find((x) => x.id === r.id)?.deviation).toEqual(r.review!.deviation);
  });
});
