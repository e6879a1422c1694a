// Last year's CIS v1.11.1 pack compares with this year's v1.12.0 pack through the built-in map of renumbered ids.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import type { Comparison } from '../../src/compare/model.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { writeAssessment } from '../../src/render/json.js';
import { runCli } from '../helpers/cli.js';

describe('compare across CIS Kubernetes versions', () => {
  let dir: string;
  let comparison: Comparison;
  let stderr: string;
  let code: number | null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ke-cmp-versions-'));
    const facts = await loadSnapshot('samples/kubeadm-lab');
    const catalogue = await loadCatalogue();
    for (const [pack, framework] of [
      ['last-year', 'cis-kubernetes-1.11.1'],
      ['this-year', 'cis-kubernetes-1.12.0'],
    ] as const) {
      const a = evaluate(facts, catalogue, { framework, profile: 'kubeadm' });
      await writeAssessment(a, join(dir, pack, framework, 'assessment.json'));
      const other = evaluate(facts, catalogue, { framework: 'nsa-cisa-1.2', profile: 'kubeadm' });
      await writeAssessment(other, join(dir, pack, 'nsa-cisa-1.2', 'assessment.json'));
    }
    const out = join(dir, 'out');
    const run = await runCli([
      'compare',
      join(dir, 'last-year'),
      join(dir, 'this-year'),
      '--framework',
      'cis-kubernetes',
      '--out',
      out,
      '--format',
      'json',
    ]);
    stderr = run.stderr;
    code = run.code;
    comparison = JSON.parse(await readFile(join(out, 'comparison.json'), 'utf8')) as Comparison;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('picks each pack’s version of the benchmark and uses the built-in map', () => {
    expect(stderr).not.toContain('Error');
    expect(code).toBe(0);
    expect(comparison.sides.map((s) => s.framework.id)).toEqual([
      'cis-kubernetes-1.11.1',
      'cis-kubernetes-1.12.0',
    ]);
    expect(comparison.sides[1]).toMatchObject({
      correspondence: 'framework-map',
      frameworkMap: 'profiles/maps/cis-kubernetes-1.11.1-to-1.12.0.yaml',
    });
  });

  it('pairs the renumbered etcd and pod security rows, and keeps the same ids elsewhere', () => {
    const pairs = new Map(
      comparison.rows
        .filter((r) => r.entries.every((e) => e !== null))
        .map((r) => [r.entries[0]!.requirement, r.entries[1]!.requirement]),
    );
    expect(pairs.get('2.3')).toBe('2.2');
    expect(pairs.get('2.8')).toBe('2.7');
    expect(pairs.get('5.2.10')).toBe('5.2.9');
    expect(pairs.get('5.2.13')).toBe('5.2.12');
    expect(pairs.get('1.2.1')).toBe('1.2.1');
    expect(pairs.size).toBe(130);
  });

  it('shows the dropped and the added rows as only in one version', () => {
    const only = comparison.rows.filter((r) => r.entries.some((e) => e === null));
    const ids = only.map((r) => r.entries.find((e) => e !== null)!.requirement).sort();
    expect(ids).toEqual(['2.2', '4.2.14', '5.2.9']);
    // The same facts under both versions: the unchanged questions agree.
    expect(comparison.rows.find((r) => r.key === '1.2.1')!.differences[0]!.class).toBe('same');
  });
});
