// Loads a snapshot and evaluates frameworks while a progress display counts objects and requirements.
import type { Catalogue } from '../catalogue/load.js';
import { chooseFramework } from '../catalogue/select-framework.js';
import type { SnapshotCopySink } from '../collect/copy-sink.js';
import { loadSnapshot } from '../collect/snapshot.js';
import { evaluate, type EvaluateOptions } from '../evaluate/evaluate.js';
import type { Assessment } from '../model/assessment.js';
import type { Facts } from '../model/facts.js';
import type { Progress } from './progress.js';
import { HeapBudget } from '../util/heap.js';

/** `copy`: writes the pack's snapshot copy from the same read (src/pack/copy-while-loading.ts). */
export async function loadWithProgress(
  dir: string,
  progress: Progress,
  copy?: SnapshotCopySink,
): Promise<Facts> {
  progress.stage(`load ${dir}`);
  return loadSnapshot(dir, { onObjects: (objects) => progress.count({ objects }), copy });
}

export function evaluateWithProgress(
  facts: Facts,
  catalogue: Catalogue,
  frameworks: string[],
  options: Omit<EvaluateOptions, 'framework' | 'onRequirement'>,
  progress: Progress,
): Assessment[] {
  // Checks walk every object and leave their intermediate lists behind; bounded here so the facts plus the
  // results, not the garbage, set the peak.
  const heap = new HeapBudget();
  return frameworks.map((framework) => {
    const chosen = chooseFramework(catalogue, framework, facts.cluster.kubernetesVersion).framework;
    progress.stage(`evaluate ${chosen.id}`, chosen.requirements.length);
    return evaluate(facts, catalogue, {
      ...options,
      framework,
      onRequirement: (done) => {
        progress.count({ requirements: 1 });
        progress.advance(done);
        heap.check();
      },
    });
  });
}
