// Evaluates every ARM-only snapshot of a discovery with the aks profile and writes a pack per cluster in the fleet layout <cluster>/<timestamp>/.
import { join } from 'node:path';
import type { Catalogue } from '../catalogue/load.js';
import { loadSnapshot } from '../collect/snapshot.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Lang } from '../model/text.js';
import { writePack, type PackFormat } from '../pack/write-pack.js';
import { packStamp } from './pack-path.js';
import { inside, type Discovery } from './skeletons.js';

export interface SkeletonEvaluation {
  dir: string;
  name: string;
  /** Per framework: automated failures, errors (facts the ARM view cannot give) and the score. */
  frameworks: { id: string; fail: number; error: number; score: number | null }[];
  pack: string;
}

export async function evaluateSkeletons(
  discovery: Discovery,
  discoveryDir: string,
  packsDir: string,
  options: { catalogue: Catalogue; frameworks: string[]; formats: PackFormat[]; lang: Lang; now?: Date },
): Promise<SkeletonEvaluation[]> {
  const out: SkeletonEvaluation[] = [];
  const stamp = packStamp((options.now ?? new Date()).toISOString());
  for (const entry of discovery.clusters) {
    const snapshotDir = inside(discoveryDir, entry.dir);
    const facts = await loadSnapshot(snapshotDir);
    const assessments = options.frameworks.map((framework) =>
      evaluate(facts, options.catalogue, { framework, profile: 'aks' }),
    );
    const pack = join(inside(packsDir, entry.dir), stamp);
    await writePack(assessments, { outDir: pack, formats: options.formats, lang: options.lang, snapshotDir });
    out.push({
      dir: entry.dir,
      name: entry.name,
      pack,
      frameworks: assessments.map((a) => ({
        id: a.framework.id,
        fail: a.summary.counts.fail,
        error: a.summary.counts.error,
        score: a.summary.score,
      })),
    });
  }
  return out;
}
