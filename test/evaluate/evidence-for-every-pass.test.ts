// Every pass of every bundled sample and of a generated snapshot cites evidence from a source this run observed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { gapAffects } from '../../src/evaluate/run-checks.js';
import { generateSnapshot } from '../../src/generate/generate.js';
import type { Assessment } from '../../src/model/assessment.js';
import { assessFacts, FRAMEWORKS, sharedCatalogue } from '../helpers/assess-snapshot.js';

/** Passes whose evidence names no file (or part) that the load observed without a gap. */
function unsupportedPasses(a: Assessment): string[] {
  const observedFiles = new Set(
    a.collection.sources
      .filter((s) => !a.collection.gaps.some((g) => gapAffects(g, s.part)))
      .map((s) => s.file),
  );
  return a.results
    .filter((r) => r.status === 'pass')
    .filter((r) => !r.evidence.some((e) => e.file !== undefined && observedFiles.has(e.file)))
    .map((r) => `${a.framework.id} ${r.id}`);
}

const root = await mkdtemp(join(tmpdir(), 'kube-evidence-evidence-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const SNAPSHOTS: [string, string, () => Promise<string>][] = [
  ['samples/aks-prod', 'aks', async () => 'samples/aks-prod'],
  ['samples/kubeadm-lab', 'kubeadm', async () => 'samples/kubeadm-lab'],
  [
    'a generated AKS snapshot',
    'aks',
    async () => {
      const out = join(root, 'aks');
      await generateSnapshot({ nodes: 3, pods: 120, seed: 'evidence', out });
      return out;
    },
  ],
  [
    'a generated kubeadm snapshot',
    'kubeadm',
    async () => {
      const out = join(root, 'kubeadm');
      await generateSnapshot({ nodes: 3, pods: 120, seed: 'evidence', profile: 'kubeadm', out });
      return out;
    },
  ],
];

describe.each(SNAPSHOTS)('evidence for every pass: %s', (_name, profile, make) => {
  const assessments: Assessment[] = [];
  beforeAll(async () => {
    const facts = await loadSnapshot(await make());
    const cat = await sharedCatalogue();
    for (const framework of FRAMEWORKS) assessments.push(assessFacts(facts, cat, profile, framework));
  });

  it('has passes to check (the test is not vacuous)', () => {
    expect(assessments.flatMap((a) => a.results).filter((r) => r.status === 'pass').length).toBeGreaterThan(
      0,
    );
  });

  it('every pass carries at least one evidence item from an observed source', () => {
    expect(assessments.flatMap(unsupportedPasses)).toEqual([]);
  });
});
