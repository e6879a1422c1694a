// Comparing the AKS sample with the kubeadm sample: classes of known requirements, summary and responsibility shifts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAssessments } from '../../src/compare/compare.js';
import { loadAssessmentFile } from '../../src/compare/inputs.js';
import type { Comparison, ComparisonRow } from '../../src/compare/model.js';
import { laterKubeadmScan, renameCluster, writeAssessed } from './fixtures.js';

const row = (c: Comparison, key: string): ComparisonRow => {
  const found = c.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe('AKS (baseline) against kubeadm', () => {
  let dir: string;
  let c: Comparison;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ke-cmp-samples-'));
    const aks = await writeAssessed('samples/aks-prod', 'aks', join(dir, 'aks.json'));
    const kubeadm = await writeAssessed('samples/kubeadm-lab', 'kubeadm', join(dir, 'kubeadm.json'));
    c = compareAssessments([await loadAssessmentFile(aks), await loadAssessmentFile(kubeadm)]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('describes both sides as different clusters of one framework, with a row per requirement', () => {
    expect(
      c.sides.map((s) => [s.cluster.name, s.profile.id, s.correspondence, s.sameClusterAsBaseline]),
    ).toEqual([
      ['aks-payments-prod', 'aks', 'baseline', false],
      ['kubeadm-lab', 'kubeadm', 'same-framework', false],
    ]);
    expect(c.sides[0]!.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(c.rows.map((r) => r.key)).toEqual(c.rows.map((r) => r.entries[0]!.requirement));
    expect(c.rows.length).toBe(c.sides[0]!.total);
    expect(c.rows.every((r) => r.entries.length === 2 && r.differences.length === 1)).toBe(true);
  });

  it('classes 1.1.1 as remapped: not applicable on AKS, assessed and failing on kubeadm', () => {
    const r = row(c, '1.1.1');
    expect(r.entries.map((e) => [e?.mapping, e?.status, e?.responsibility])).toEqual([
      ['not-applicable', 'not-applicable', 'provider'],
      ['assessed', 'fail', 'customer'],
    ]);
    expect(r.differences).toEqual([{ side: 1, class: 'remapped' }]);
  });

  it('classes requirements only kubeadm fails (provider-attested or an equivalent control on AKS) as remapped', () => {
    expect(row(c, '1.2.1').entries.map((e) => [e?.mapping, e?.status])).toEqual([
      ['provider-attested', 'provider-attested'],
      ['assessed', 'fail'],
    ]);
    expect(row(c, '1.2.17').entries.map((e) => [e?.mapping, e?.status])).toEqual([
      ['equivalent-control', 'equivalent-control'],
      ['assessed', 'fail'],
    ]);
    for (const key of ['1.2.1', '1.2.17']) expect(row(c, key).differences[0]!.class).toBe('remapped');
  });

  it('classes requirements both clusters fail as same, whatever the mapping, with each side’s deciding evidence', () => {
    for (const key of ['5.1.1', '5.2.2']) {
      const r = row(c, key);
      expect(r.entries.map((e) => [e?.mapping, e?.status])).toEqual([
        ['environment-dependent', 'fail'],
        ['assessed', 'fail'],
      ]);
      expect(r.differences[0]!.class).toBe('same');
    }
    const rbac = row(c, '5.1.1');
    expect(rbac.entries[0]!.dependsOnEnvironment).toBe(true);
    expect(rbac.entries.every((e) => (e?.offenderCount ?? 0) > 0 && (e?.evidence.length ?? 0) > 0)).toBe(
      true,
    );
    // Different clusters: offending objects are not matched across them.
    expect(row(c, '5.2.2').differences[0]!.objects).toBeUndefined();
  });

  it('classes 1.2.27 as configuration: AKS without KMS fails, kubeadm with an encryption config passes', () => {
    const r = row(c, '1.2.27');
    expect(r.entries.map((e) => [e?.mapping, e?.status])).toEqual([
      ['environment-dependent', 'fail'],
      ['assessed', 'pass'],
    ]);
    expect(r.entries[0]!.evidence.map((e) => e.path)).toContain(
      'azure:securityProfile.azureKeyVaultKms.enabled',
    );
    expect(r.differences[0]!.class).toBe('configuration');
  });

  it('counts every row in exactly one class, and lists the requirements whose owner shifts', () => {
    const counts = c.summary.classCounts[0]!.counts;
    for (const [cls, n] of Object.entries(counts))
      expect(n, cls).toBe(c.rows.filter((r) => r.differences[0]!.class === cls).length);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(c.rows.length);
    expect(counts.regression + counts.improvement).toBe(0);
    expect(counts.configuration).toBeGreaterThan(0);
    const shifts = c.summary.responsibilityShifts;
    expect(shifts.find((s) => s.key === '1.1.1')).toEqual({
      key: '1.1.1',
      side: 1,
      requirement: '1.1.1',
      baseline: 'provider',
      other: 'customer',
    });
    expect(shifts.find((s) => s.key === '1.2.17')).toMatchObject({ baseline: 'shared', other: 'customer' });
    expect(shifts.some((s) => s.key === '5.2.2')).toBe(false);
    const differing = c.rows
      .filter((r) => r.entries[0]!.responsibility !== r.entries[1]?.responsibility)
      .map((r) => r.key);
    expect(shifts.map((s) => s.key)).toEqual(differing);
    expect(c.summary.objectCounts).toEqual([]);
  });
});

describe('two different kubeadm clusters, one with cluster-admin cleaned up', () => {
  let dir: string;
  let c: Comparison;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ke-cmp-config-'));
    const other = await laterKubeadmScan(join(dir, 'snap'), {
      collectedAt: '2026-11-20T08:30:00Z',
      removeBindings: ['kubeadm:cluster-admins'],
    });
    await renameCluster(other, 'kubeadm-staging');
    const base = await writeAssessed('samples/kubeadm-lab', 'kubeadm', join(dir, 'lab.json'));
    const staging = await writeAssessed(other, 'kubeadm', join(dir, 'staging.json'), (a) => {
      // A requirement the other side lacks (an older catalogue, say) is only-in-one.
      a.results = a.results.filter((r) => r.id !== '5.6.1');
    });
    c = compareAssessments([await loadAssessmentFile(base), await loadAssessmentFile(staging)]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('classes 5.1.1 as configuration: same mapping, decided from facts, fail on one and pass on the other', () => {
    expect(c.sides[1]!.sameClusterAsBaseline).toBe(false);
    const r = row(c, '5.1.1');
    expect(r.entries.map((e) => [e?.mapping, e?.status])).toEqual([
      ['assessed', 'fail'],
      ['assessed', 'pass'],
    ]);
    expect(r.differences[0]!.class).toBe('configuration');
  });

  it('classes a requirement only the baseline holds as only-in-one', () => {
    const r = row(c, '5.6.1');
    expect(r.entries[1]).toBeNull();
    expect(r.differences[0]!.class).toBe('only-in-one');
    const counts = c.summary.classCounts[0]!.counts;
    expect([counts.configuration, counts['only-in-one'], counts.remapped]).toEqual([1, 1, 0]);
    expect(counts.same).toBe(c.rows.length - 2);
  });
});
