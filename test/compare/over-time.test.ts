// One cluster over time: later scans of kubeadm-lab with a pod fixed, a pod added and a binding removed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAssessments } from '../../src/compare/compare.js';
import { loadAssessmentFile, type LoadedAssessment } from '../../src/compare/inputs.js';
import type { Comparison, ObjectRef, PairDifference } from '../../src/compare/model.js';
import { laterKubeadmScan, writeAssessed } from './fixtures.js';

const SHIPPER = 'Pod logging/log-shipper-b7kq4 [fluent-bit]';
const NETSHOOT = 'Pod debug/netshoot-7f9c [netshoot]';
const ref = (o: ObjectRef) => `${o.kind} ${o.namespace}/${o.name} [${o.container}]`;

function diff(c: Comparison, key: string, side: number): PairDifference {
  const found = c.rows.find((r) => r.key === key)?.differences.find((d) => d.side === side);
  if (!found) throw new Error(`no difference for ${key} on side ${side}`);
  return found;
}

describe('kubeadm-lab scanned four times', () => {
  let dir: string;
  let base: LoadedAssessment;
  let added: LoadedAssessment;
  let fixedAndAdded: LoadedAssessment;
  let fixedOnly: LoadedAssessment;
  let c: Comparison;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ke-cmp-time-'));
    const netshoot = { namespace: 'debug', name: 'netshoot-7f9c', container: 'netshoot' };
    const scans = {
      added: await laterKubeadmScan(join(dir, 'added'), {
        collectedAt: '2027-02-20T08:30:00Z',
        addPod: netshoot,
      }),
      fixedAndAdded: await laterKubeadmScan(join(dir, 'fixed-and-added'), {
        collectedAt: '2027-05-20T08:30:00Z',
        fixPods: ['logging/log-shipper-b7kq4'],
        addPod: netshoot,
      }),
      fixedOnly: await laterKubeadmScan(join(dir, 'fixed-only'), {
        collectedAt: '2027-08-20T08:30:00Z',
        fixPods: ['logging/log-shipper-b7kq4'],
        removeBindings: ['kubeadm:cluster-admins'],
      }),
    };
    base = await loadAssessmentFile(
      await writeAssessed('samples/kubeadm-lab', 'kubeadm', join(dir, 'base.json')),
    );
    added = await loadAssessmentFile(await writeAssessed(scans.added, 'kubeadm', join(dir, 'added.json')));
    fixedAndAdded = await loadAssessmentFile(
      await writeAssessed(scans.fixedAndAdded, 'kubeadm', join(dir, 'fixed-and-added.json')),
    );
    fixedOnly = await loadAssessmentFile(
      await writeAssessed(scans.fixedOnly, 'kubeadm', join(dir, 'fixed-only.json')),
    );
    c = compareAssessments([base, added, fixedAndAdded, fixedOnly]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('recognises every later scan as the baseline cluster', () => {
    expect(c.sides.map((s) => s.sameClusterAsBaseline)).toEqual([false, true, true, true]);
    expect(c.sides.map((s) => s.collectedAt)).toEqual([
      '2026-11-20T08:30:00Z',
      '2027-02-20T08:30:00Z',
      '2027-05-20T08:30:00Z',
      '2027-08-20T08:30:00Z',
    ]);
  });

  it('a pod fixed and one added: 5.2.2 still fails, shows the fixed and the new object, and is a regression', () => {
    const d = diff(c, '5.2.2', 2);
    expect(c.rows.find((r) => r.key === '5.2.2')!.entries.map((e) => e?.status)).toEqual([
      'fail',
      'fail',
      'fail',
      'pass',
    ]);
    expect(d.class).toBe('regression');
    expect(d.objects!.new.map(ref)).toEqual([NETSHOOT]);
    expect(d.objects!.fixed.map(ref)).toEqual([SHIPPER]);
    expect(d.objects!.stillFailing).toEqual([]);
    expect(d.objects!.complete).toBe(true);
    expect(d.objects!.new[0]!.findings).toEqual([
      { field: 'containers[netshoot].securityContext.privileged', value: true },
    ]);
  });

  it('a pod added while the old one still fails: regression, with the old one still failing', () => {
    const d = diff(c, '5.2.2', 1);
    expect(d.class).toBe('regression');
    expect(d.objects!.new.map(ref)).toEqual([NETSHOOT]);
    expect(d.objects!.stillFailing.map(ref)).toEqual([SHIPPER]);
    expect(d.objects!.fixed).toEqual([]);
  });

  it('the pod fixed and the cluster-admin binding removed: both requirements pass now, improvements', () => {
    expect(diff(c, '5.2.2', 3)).toMatchObject({
      class: 'improvement',
      objects: { new: [], stillFailing: [] },
    });
    expect(diff(c, '5.2.2', 3).objects!.fixed.map(ref)).toEqual([SHIPPER]);
    const rbac = diff(c, '5.1.1', 3);
    expect(rbac.class).toBe('improvement');
    expect(rbac.objects!.fixed.map((o) => `${o.kind} ${o.name}`)).toEqual([
      'ClusterRoleBinding kubeadm:cluster-admins',
    ]);
  });

  it('unchanged requirements are same, with the still-failing objects listed', () => {
    const rbac = diff(c, '5.1.1', 1);
    expect(rbac.class).toBe('same');
    expect(rbac.objects!.stillFailing.map((o) => o.name)).toEqual(['kubeadm:cluster-admins']);
    expect(diff(c, '1.1.1', 1)).toMatchObject({
      class: 'same',
      objects: { new: [], fixed: [], stillFailing: [] },
    });
  });

  it('sums objects over time per side', () => {
    const totals = (side: number) => c.summary.objectCounts.find((o) => o.side === side);
    expect(totals(2)).toMatchObject({ new: 1, fixed: 1 });
    expect(totals(3)).toMatchObject({ new: 0, fixed: 2 });
  });

  it('still failing with one object fixed and none new is an improvement', () => {
    const pair = compareAssessments([added, fixedAndAdded]);
    const d = diff(pair, '5.2.2', 1);
    expect(d.class).toBe('improvement');
    expect(d.objects!.fixed.map(ref)).toEqual([SHIPPER]);
    expect(d.objects!.stillFailing.map(ref)).toEqual([NETSHOOT]);
  });

  it('orders the two scans by collection time, whichever is given first', () => {
    const reversed = compareAssessments([fixedOnly, base]);
    expect(diff(reversed, '5.2.2', 1).class).toBe('improvement');
    expect(diff(reversed, '5.2.2', 1).objects!.fixed.map(ref)).toEqual([SHIPPER]);
    expect(diff(reversed, '5.1.1', 1).class).toBe('improvement');
  });
});
