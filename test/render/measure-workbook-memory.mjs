// Measures peak RSS while the workbook streams 150,000 findings (run after a build: node test/render/measure-workbook-memory.mjs).
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../../dist/catalogue/load.js';
import { loadSnapshot } from '../../dist/collect/snapshot.js';
import { evaluate } from '../../dist/evaluate/evaluate.js';
import { writeWorkbook } from '../../dist/render/xlsx.js';

const OFFENDERS = Number(process.argv[2] ?? 150_000);
const assessment = evaluate(await loadSnapshot('samples/aks-prod'), await loadCatalogue(), {
  framework: 'cis-kubernetes-1.11.1',
  profile: 'aks',
});
const target = assessment.results.find((r) => r.id === '5.2.2') ?? assessment.results[0];
target.status = 'fail';
target.offenders = Array.from({ length: OFFENDERS }, (_, i) => ({
  kind: 'Pod',
  namespace: `team-${i % 300}`,
  name: `payments-api-${i.toString(36)}-7f9c8d6b5-x2k4q`,
  container: 'app',
  field: 'spec.containers[].securityContext.privileged',
  value: true,
}));
target.offenderCount = OFFENDERS;

let peak = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.external);
};
const timer = setInterval(sample, 20);
global.gc?.();
const before = process.memoryUsage().rss;
const file = join(mkdtempSync(join(tmpdir(), 'kube-evidence-mem-')), 'report.xlsx');
const started = Date.now();
// The document id is given, as the pack writer does, so only the workbook's own memory is measured.
await writeWorkbook(assessment, file, 'zh', { documentId: '0'.repeat(64) });
clearInterval(timer);
sample();
const mb = (n) => `${Math.round(n / 1024 / 1024)} MB`;
console.log(
  `${OFFENDERS} findings: RSS before ${mb(before)} (assessment in memory), peak ${mb(peak)} (heap + external ${mb(peakHeap)}), file ${mb(statSync(file).size)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
