// One cluster over time: later scans of kubeadm-lab with a pod fixed, a pod added and a binding removed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAssessments } from '../../src/compare/compare.js';
import { loadAssessmentFile, type LoadedAssessment } from '../../src/compare/inputs.js';
import type { Comparison, ObjectRef, PairDifference } from '../../src/compare/model.js';
import { runCli } from '../helpers/cli.js';
import { laterKubeadmScan, writeAssessed } from './fixtures.js';

const NETSHOOT = 'Pod debug/netshoot-7f9c [netshoot]';
const ref = (o: ObjectRef) => `${o.kind} ${o.namespace}/${o.name} [${o.container}]`;
/**
 * The sample's privileged workloads as the baseline reports them (pod or controller): the log shipper of namespace
 * logging and kube-proxy, since kube-system counts on kubeadm.
 */
let PRIVILEGED: string[];

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
    base = await loadAssessmentFile(
      await writeAssessed('samples/kubeadm-lab', 'kubeadm', join(dir, 'base.json')),
    );
    const baseResult = (id: string) => base.assessment.results.find((r) => r.id === id)!;
    // The sample's own offenders: the privileged workloads of logging and kube-system, the extra cluster-admin bindings.
    const privileged = baseResult('5.2.2').offenders;
    expect(privileged.map((o) => o.namespace).sort()).toEqual(['kube-system', 'logging']);
    PRIVILEGED = privileged.map((o) => ref({ ...o, findings: [] }));
    const bindings = [...new Set(baseResult('5.1.1').offenders.map((o) => o.name))];
    expect(bindings).toContain('kubeadm:cluster-admins');

    const netshoot = { namespace: 'debug', name: 'netshoot-7f9c', container: 'netshoot' };
    const scans = {
      added: await laterKubeadmScan(join(dir, 'added'), {
        collectedAt: '2027-02-20T08:30:00Z',
        addPod: netshoot,
      }),
      fixedAndAdded: await laterKubeadmScan(join(dir, 'fixed-and-added'), {
        collectedAt: '2027-05-20T08:30:00Z',
        fixNamespaces: ['logging', 'kube-system'],
        addPod: netshoot,
      }),
      fixedOnly: await laterKubeadmScan(join(dir, 'fixed-only'), {
        collectedAt: '2027-08-20T08:30:00Z',
        fixNamespaces: ['logging', 'kube-system'],
        removeBindings: bindings,
      }),
    };
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
    expect(d.objects!.fixed.map(ref)).toEqual(PRIVILEGED);
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
    expect(d.objects!.stillFailing.map(ref)).toEqual(PRIVILEGED);
    expect(d.objects!.fixed).toEqual([]);
  });

  it('the pod fixed and the cluster-admin binding removed: both requirements pass now, improvements', () => {
    expect(diff(c, '5.2.2', 3)).toMatchObject({
      class: 'improvement',
      objects: { new: [], stillFailing: [] },
    });
    expect(diff(c, '5.2.2', 3).objects!.fixed.map(ref)).toEqual(PRIVILEGED);
    const rbac = diff(c, '5.1.1', 3);
    expect(rbac.class).toBe('improvement');
    expect(rbac.objects!.fixed.map((o) => `${o.kind} ${o.name}`)).toEqual([
      'ClusterRoleBinding kubeadm:cluster-admins',
    ]);
  });

  it('unchanged requirements are same, with the still-failing objects listed', () => {
    const rbac = diff(c, '5.1.1', 1);
    expect(rbac.class).toBe('same');
    expect(rbac.objects!.stillFailing.map((o) => o.name)).toContain('kubeadm:cluster-admins');
    expect([...rbac.objects!.new, ...rbac.objects!.fixed]).toEqual([]);
    expect(diff(c, '1.1.1', 1)).toMatchObject({
      class: 'same',
      objects: { new: [], fixed: [], stillFailing: [] },
    });
  });

  it('sums objects over time per side over every requirement', () => {
    for (const side of [1, 2, 3]) {
      const changes = c.rows.flatMap((r) =>
        r.differences.filter((d) => d.side === side).map((d) => d.objects!),
      );
      const count = (key: 'new' | 'fixed' | 'stillFailing') => changes.reduce((n, o) => n + o[key].length, 0);
      expect(c.summary.objectCounts.find((o) => o.side === side)).toEqual({
        side,
        new: count('new'),
        fixed: count('fixed'),
        stillFailing: count('stillFailing'),
      });
    }
    // The fixed-only scan adds nothing, so nothing is new anywhere.
    expect(c.summary.objectCounts.find((o) => o.side === 3)!.new).toBe(0);
  });

  it('still failing with one object fixed and none new is an improvement', () => {
    const pair = compareAssessments([added, fixedAndAdded]);
    const d = diff(pair, '5.2.2', 1);
    expect(d.class).toBe('improvement');
    expect(d.objects!.fixed.map(ref)).toEqual(PRIVILEGED);
    expect(d.objects!.stillFailing.map(ref)).toEqual([NETSHOOT]);
  });

  it('orders the two scans by collection time, whichever is given first', () => {
    const reversed = compareAssessments([fixedOnly, base]);
    expect(diff(reversed, '5.2.2', 1).class).toBe('improvement');
    expect(diff(reversed, '5.2.2', 1).objects!.fixed.map(ref)).toEqual(PRIVILEGED);
    expect(diff(reversed, '5.1.1', 1).class).toBe('improvement');
  });

  it('--fail-on-regression gates a pipeline: exit 1 after a new privileged pod, 0 after fixes only', async () => {
    const compare = (later: string, ...flags: string[]) =>
      runCli([
        'compare',
        join(dir, 'base.json'),
        join(dir, later),
        '--out',
        join(dir, `gate-${later}`),
        '--format',
        'json',
        ...flags,
      ]);
    expect(c.summary.classCounts.find((x) => x.side === 3)!.counts.regression).toBe(0);

    const regressed = await compare('added.json', '--fail-on-regression');
    expect(regressed.code).toBe(1);
    expect(regressed.stderr).toMatch(/regressed: .*5\.2\.2/);
    // The report that explains the failure is still written.
    const written = JSON.parse(
      await readFile(join(dir, 'gate-added.json', 'comparison.json'), 'utf8'),
    ) as Comparison;
    expect(written.summary.classCounts[0]!.counts.regression).toBeGreaterThan(0);

    expect((await compare('added.json')).code).toBe(0);
    expect((await compare('fixed-only.json', '--fail-on-regression')).code).toBe(0);
  });
});
