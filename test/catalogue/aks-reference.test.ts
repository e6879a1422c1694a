// The aks profile reproduces Microsoft's published CIS v1.11.1 table for AKS, row by row (mapping and published result).
import { describe, expect, it } from 'vitest';
import { getFramework, getProfile, loadCatalogue } from '../../src/catalogue/load.js';
import { ruleMapping } from '../../src/catalogue/rule-rows.js';
import { REFERENCE_DIR, readJson, type AksReferenceRow } from './helpers.js';

const catalogue = await loadCatalogue();
const framework = getFramework(catalogue, 'cis-kubernetes-1.11.1');
const aks = getProfile(catalogue, 'aks');
const reference = (
  await readJson<AksReferenceRow[]>(`${REFERENCE_DIR}/aks-cis-kubernetes-v1.11.1-results.json`)
).filter((r) => !r.section);

describe('aks profile against Microsoft published CIS v1.11.1 results', () => {
  it('covers the same 132 recommendations in the same order', () => {
    expect(reference).toHaveLength(132);
    expect(framework.requirements.map((r) => r.id)).toEqual(reference.map((r) => r.id));
  });

  it('has the published totals: 23 N/A, 4 equivalent control, 36 depends on environment, 61 pass, 8 fail', () => {
    const mappings = framework.requirements.map((r) => ruleMapping(aks, framework, r, 'en'));
    const count = (f: (m: (typeof mappings)[number]) => boolean) => mappings.filter(f).length;
    expect(count((m) => m.mapping === 'not-applicable')).toBe(23);
    expect(count((m) => m.mapping === 'equivalent-control')).toBe(4);
    expect(count((m) => m.mapping === 'environment-dependent')).toBe(36);
    expect(count((m) => m.published === 'pass')).toBe(61);
    expect(count((m) => m.published === 'fail')).toBe(8);
  });

  it.each(reference.map((row) => [row.id, row] as const))('%s', (id, row) => {
    const requirement = framework.requirements.find((r) => r.id === id)!;
    expect(requirement.level).toBe(row.level);
    expect(requirement.assessment).toBe(row.assessment);
    const mapping = ruleMapping(aks, framework, requirement, 'en');
    if (row.aks_status === 'pass' || row.aks_status === 'fail') {
      // Pass and fail are published results: evaluated from the facts where they show it, else attested.
      expect(['assessed', 'provider-attested']).toContain(mapping.mapping);
      expect(mapping.published).toBe(row.aks_status);
      expect(mapping.publishedSource).toBe('ms-aks-cis-1.11.1');
    } else {
      expect(mapping.mapping).toBe(row.aks_status);
      expect(mapping.published).toBeUndefined();
    }
    if (mapping.mapping !== 'assessed') expect(mapping.reason, `${id} needs a reason`).toBeTruthy();
  });
});
