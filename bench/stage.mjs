// @ts-check
// One bench stage in its own process (so peak RSS is per stage): floor, evaluate, xlsx or pdf; prints one JSON line.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { streamLargeJson } from '../dist/facts/json-stream.js';
import { sampleDescendants } from './descendants.mjs';

/** The loader's threshold (src/collect/snapshot.ts): above it a JSON file is read item by item. */
const STREAM_FROM = 16 * 1024 * 1024;

const [stage, ...args] = process.argv.slice(2);
const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;

/** @param {Record<string, unknown>} extra */
function report(extra) {
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`BENCH ${JSON.stringify({ stage, seconds: seconds(), maxRssMiB: Math.round(rss), ...extra })}`);
}

/** @param {string} dir @returns {Promise<string[]>} */
async function dataFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

async function floor() {
  // The cost of reading the input once: every file read and every object JSON.parsed once, none kept. A large
  // List's items are parsed one by one and dropped (the streaming reader the loader uses); a small file is
  // parsed whole and dropped.
  const [dir] = args;
  let bytes = 0;
  let streamed = 0;
  let objects = 0;
  for (const file of await dataFiles(/** @type {string} */ (dir))) {
    const size = (await stat(file)).size;
    bytes += size;
    if (size >= STREAM_FROM) {
      streamed++;
      await streamLargeJson(file, async (items) => {
        objects += items.length;
      });
    } else {
      const doc = JSON.parse(await readFile(file, 'utf8'));
      objects += Array.isArray(doc?.items) ? doc.items.length : 1;
    }
  }
  report({ bytes, objects, streamedFiles: streamed });
}

async function evaluateStage() {
  const [dir, profile, outDir] = /** @type {string[]} */ (args);
  const { loadCatalogue } = await import('../dist/catalogue/load.js');
  const { loadSnapshot } = await import('../dist/collect/snapshot.js');
  const { evaluate } = await import('../dist/evaluate/evaluate.js');
  const { writeAssessment } = await import('../dist/render/json.js');
  const catalogue = await loadCatalogue();
  const t0 = performance.now();
  const facts = await loadSnapshot(dir);
  const t1 = performance.now();
  const assessments = [...catalogue.frameworks.keys()].map((framework) =>
    evaluate(facts, catalogue, { framework, profile }),
  );
  const t2 = performance.now();
  // The stage's own peak (load + checks), read before the assessments are serialised for the next stages.
  const evaluatePeak = Math.round(process.resourceUsage().maxRSS / 1024);
  const frameworks = [];
  for (const a of assessments) {
    await writeAssessment(a, join(outDir, `${a.framework.id}.json`));
    const offenders = a.results.reduce((sum, r) => sum + (r.offenders?.length ?? 0), 0);
    frameworks.push({
      id: a.framework.id,
      results: a.results.length,
      fail: a.summary.counts.fail,
      offenders,
    });
  }
  const t3 = performance.now();
  const objects = [...facts.kubernetes.objects.values()].reduce((sum, list) => sum + list.length, 0);
  report({
    loadSeconds: (t1 - t0) / 1000,
    evaluateSeconds: (t2 - t1) / 1000,
    writeSeconds: (t3 - t2) / 1000,
    seconds: (t2 - t0) / 1000,
    objects,
    frameworks,
    maxRssMiB: evaluatePeak,
    withWriteRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

/** @param {'xlsx' | 'pdf'} format */
async function renderStage(format) {
  const [assessmentFile, outFile] = /** @type {string[]} */ (args);
  const { readAssessment } = await import('../dist/render/json.js');
  const render =
    format === 'xlsx'
      ? (await import('../dist/render/xlsx.js')).writeWorkbook
      : (await import('../dist/render/pdf.js')).writePdf;
  const assessment = await readAssessment(assessmentFile);
  const sampler = sampleDescendants();
  const t0 = performance.now();
  await render(assessment, outFile, 'en');
  const t1 = performance.now();
  const browserPeak = sampler.stop();
  report({
    seconds: (t1 - t0) / 1000,
    bytes: (await stat(outFile)).size,
    childPeakRssMiB: Math.round(browserPeak / 1024),
  });
}

async function collectStage() {
  // What the live collector costs at this size: paginated lists from the fake API server, streamed to disk.
  const [kubeconfig, outDir] = /** @type {string[]} */ (args);
  const { collectKubernetes } = await import('../dist/collect/kubernetes-api.js');
  const t0 = performance.now();
  const result = await collectKubernetes({ kubeconfig, snapshotDir: outDir });
  const t1 = performance.now();
  const objects = Object.entries(result.counts).reduce(
    (sum, [kind, n]) => sum + (kind === 'configz' ? 0 : n),
    0,
  );
  report({
    seconds: (t1 - t0) / 1000,
    objects,
    configz: result.counts.configz ?? 0,
    gaps: result.gaps.length,
  });
}

const stages = {
  collect: collectStage,
  floor,
  evaluate: evaluateStage,
  xlsx: () => renderStage('xlsx'),
  pdf: () => renderStage('pdf'),
};
const run = stages[/** @type {keyof typeof stages} */ (stage)];
if (!run) {
  console.error(`unknown stage ${stage}`);
  process.exit(2);
}
await run();
