// Writes comparison.json atomically (schema kube-evidence/comparison, see docs/compare.md).
import type { Comparison } from '../compare/model.js';
import { writeFileAtomic } from '../util/fs.js';

export async function writeComparisonJson(comparison: Comparison, file: string): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(comparison, null, 2)}\n`);
}
