// `kube-evidence compare` inputs: frameworks that differ (refused, mapped, or matched by shared checks) and pack layouts.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/model.js';
import type { Assessment } from '../../src/model/assessment.js';
import { writeAssessment } from '../../src/render/json.js';
import { runCli } from '../helpers/cli.js';
import { asFramework, assess } from './fixtures.js';

describe('compare on the command line', () => {
  let dir: string;
  let aks: Assessment;
  let kubeadm: Assessment;
  const f = (name: string) => join(dir, name);
  const readComparison = async (out: string) =>
    JSON.parse(await readFile(join(out, 'comparison.json'), 'utf8')) as Comparison;
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ke-cmp-cli-'));
    aks = await assess('samples/aks-prod', 'aks');
    kubeadm = await assess('samples/kubeadm-lab', 'kubeadm');
    await writeAssessment(aks, f('aks.json'));
    await writeAssessment(kubeadm, f('kubeadm.json'));
    await writeAssessment(asFramework(kubeadm, 'nsa-cisa-1.2', 'N-'), f('nsa.json'));
    await writeAssessment(asFramework(kubeadm, 'q-kxy-cs001-2023', 'Q-'), f('qkxy.json'));
    // Packs with one subdirectory per framework, as `report --framework a,b` writes them.
    for (const [pack, a] of [
      ['pack-aks', aks],
      ['pack-kubeadm', kubeadm],
    ] as const) {
      await writeAssessment(a, f(`${pack}/cis-kubernetes-1.11.1/assessment.json`));
      await writeAssessment(
        asFramework(a, 'q-kxy-cs001-2023', 'Q-'),
        f(`${pack}/q-kxy-cs001-2023/assessment.json`),
      );
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses assessments of different frameworks without a map: exit 2, one line naming both frameworks', async () => {
    const out = f('out-refused');
    const run = await runCli(['compare', f('kubeadm.json'), f('nsa.json'), '--out', out, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('nsa-cisa-1.2');
    expect(run.stderr).toContain('cis-kubernetes-1.11.1');
    expect(run.stderr).toContain('--framework-map');
    expect(await exists(out)).toBe(false);
  });

  it('compares them with --framework-map: mapped requirements correspond, the rest are only-in-one', async () => {
    await writeFile(
      f('map.yaml'),
      [
        'from: nsa-cisa-1.2',
        'to: cis-kubernetes-1.11.1',
        'requirements:',
        "  N-1.1.1: '1.1.1'",
        "  N-5.2.2: '5.2.2'",
        '',
      ].join('\n'),
    );
    const out = f('out-mapped');
    const run = await runCli([
      'compare',
      f('kubeadm.json'),
      f('nsa.json'),
      '--framework-map',
      f('map.yaml'),
      '--out',
      out,
      '--format',
      'json',
    ]);
    expect(run.stderr).not.toContain('unexpected');
    expect(run.code).toBe(0);
    const c = await readComparison(out);
    expect(c.schema).toBe('kube-evidence/comparison');
    expect(c.schemaVersion).toBe(1);
    expect(c.sides[1]).toMatchObject({ correspondence: 'framework-map', frameworkMap: f('map.yaml') });
    const pairs = c.rows
      .filter((r) => r.entries.every((e) => e !== null))
      .map((r) => r.entries.map((e) => e!.requirement));
    expect(pairs).toEqual([
      ['1.1.1', 'N-1.1.1'],
      ['5.2.2', 'N-5.2.2'],
    ]);
    // Same cluster, same facts: the two mapped requirements are the same on both sides.
    expect(c.rows.find((r) => r.key === '5.2.2')!.differences[0]!.class).toBe('same');
    expect(c.rows.find((r) => r.key === 'nsa-cisa-1.2:N-1.2.1')!.differences[0]!.class).toBe('only-in-one');
  });

  it('names the map file and field when the map points at a requirement that does not exist', async () => {
    await writeFile(
      f('bad-map.yaml'),
      ['from: cis-kubernetes-1.11.1', 'to: nsa-cisa-1.2', 'requirements:', "  '9.9.9': N-1.1.1", ''].join(
        '\n',
      ),
    );
    const run = await runCli([
      'compare',
      f('kubeadm.json'),
      f('nsa.json'),
      '--framework-map',
      f('bad-map.yaml'),
      '--out',
      f('out-bad'),
      '--format',
      'json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${f('bad-map.yaml')}: requirements.9.9.9: requirement 9.9.9 is not in cis-kubernetes-1.11.1`,
    );
  });

  it('matches Q/KXY with CIS by shared checks without a map; requirements without checks do not match', async () => {
    const out = f('out-qkxy');
    const run = await runCli(['compare', f('aks.json'), f('qkxy.json'), '--out', out, '--format', 'json']);
    expect(run.code).toBe(0);
    const c = await readComparison(out);
    expect(c.sides[1]!.correspondence).toBe('shared-checks');
    const r111 = c.rows.find((r) => r.key === '1.1.1')!;
    expect(r111.entries.map((e) => e?.requirement)).toEqual(['1.1.1', 'Q-1.1.1']);
    expect(r111.differences[0]!.class).toBe('remapped');
    const manual = kubeadm.results.find((r) => r.checks.length === 0);
    if (manual) {
      expect(c.rows.find((r) => r.key === manual.id)!.differences[0]!.class).toBe('only-in-one');
      expect(c.rows.some((r) => r.key === `q-kxy-cs001-2023:Q-${manual.id}`)).toBe(true);
    }
  });

  it('asks for --framework when packs hold several frameworks, and picks the one asked', async () => {
    const refused = await runCli([
      'compare',
      f('pack-aks'),
      f('pack-kubeadm'),
      '--out',
      f('out-packs-refused'),
      '--format',
      'json',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pick one with --framework');
    const out = f('out-packs');
    const run = await runCli([
      'compare',
      f('pack-aks'),
      f('pack-kubeadm'),
      '--framework',
      'cis-kubernetes-1.11.1',
      '--out',
      out,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const c = await readComparison(out);
    expect(c.sides.map((s) => s.source.file)).toEqual([
      join(f('pack-aks'), 'cis-kubernetes-1.11.1', 'assessment.json'),
      join(f('pack-kubeadm'), 'cis-kubernetes-1.11.1', 'assessment.json'),
    ]);
  });

  it('matches a pack to the framework of an assessment given directly', async () => {
    const out = f('out-mixed');
    const run = await runCli(['compare', f('kubeadm.json'), f('pack-aks'), '--out', out, '--format', 'json']);
    expect(run.code).toBe(0);
    expect((await readComparison(out)).sides[1]!.framework.id).toBe('cis-kubernetes-1.11.1');
  });

  it('rejects one argument, a missing file and a file that is not an assessment with exit 2', async () => {
    await mkdir(f('empty-dir'), { recursive: true });
    await writeFile(f('not-assessment.json'), '{"schema":"something-else"}');
    const broken = structuredClone(kubeadm) as unknown as {
      results: { mapping: { responsibility: string } }[];
    };
    broken.results[2]!.mapping.responsibility = 'nobody';
    await writeFile(f('broken.json'), JSON.stringify(broken));
    const cases: [string[], string][] = [
      [[f('aks.json')], 'expected two or more assessments'],
      [[f('aks.json'), f('missing.json')], `${f('missing.json')}: not found`],
      [[f('aks.json'), f('not-assessment.json')], `${f('not-assessment.json')}: schema`],
      [[f('aks.json'), f('empty-dir')], `${f('empty-dir')}: expected an assessment.json`],
      [
        [f('aks.json'), f('broken.json')],
        `${f('broken.json')}: results[2].mapping.responsibility: expected one of provider, customer, shared`,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['compare', ...args, '--out', f('out-x'), '--format', 'json']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });
});
