// @ts-check
// `npm run bench [-- --sizes small,large,max] [--seed X] [--skip-pdf]`: generates (or reuses) snapshots, runs every stage in its own process, writes bench/results.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dataDir = join(here, '.data');

/** Bump when the generator's output changes, so cached snapshots are regenerated. */
const GENERATOR_VERSION = 1;

const SIZES = {
  small: { nodes: 50, pods: 1500, namespaces: 50, rbac: 500 },
  large: { nodes: 1000, pods: 30000, namespaces: 500, rbac: 5000 },
  max: { nodes: 5000, pods: 150000, namespaces: 2000, rbac: 20000 },
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'small,large,max' },
    seed: { type: 'string', default: '1' },
    profile: { type: 'string', default: 'aks' },
    'skip-pdf': { type: 'boolean' },
    'skip-collect': { type: 'boolean' },
    out: { type: 'string' },
  },
});
const sizes = /** @type {(keyof typeof SIZES)[]} */ (
  (values.sizes ?? '').split(',').filter((s) => s in SIZES)
);
const seed = values.seed ?? '1';
const profile = values.profile ?? 'aks';

/** @param {string[]} args @returns {Record<string, any>} */
function stage(args) {
  // Node's default heap limit (about 4 GiB here) applies, as it would for a user running the CLI.
  const run = spawnSync(process.execPath, [join(here, 'stage.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (run.status !== 0 || !line) {
    const why = `${run.stderr}`.trim().split('\n').slice(-6).join('\n');
    console.error(`  stage ${args[0]} failed (exit ${run.status ?? run.signal}):\n${why}`);
    return { failed: true, error: why.split('\n').pop() };
  }
  return JSON.parse(line.slice(6));
}

/** @param {keyof typeof SIZES} size */
async function snapshotFor(size) {
  const s = SIZES[size];
  const dir = join(dataDir, `${size}-${profile}-seed${seed}-g${GENERATOR_VERSION}`);
  if (existsSync(join(dir, 'snapshot.json'))) return dir;
  console.error(`generating ${size} (${s.pods} pods) into ${dir} …`);
  const args = [
    '--nodes',
    s.nodes,
    '--pods',
    s.pods,
    '--namespaces',
    s.namespaces,
    '--rbac',
    s.rbac,
    '--seed',
    seed,
    '--profile',
    profile,
    '--out',
    dir,
    '--force',
    '--quiet',
  ].map(String);
  const run = spawnSync(process.execPath, [join(root, 'dist', 'generate', 'cli.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`generator failed for ${size}`);
  return dir;
}

/**
 * The fake API server lives in test/helpers (TypeScript, not part of the build): compile it alone once.
 * @returns {string | undefined} the build folder, or undefined when the helper does not exist
 */
function buildFakeServer() {
  const source = join(root, 'test', 'helpers', 'fake-kube-server.ts');
  if (!existsSync(source)) return undefined;
  const out = join(dataDir, 'build');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [
    tsc,
    '--outDir',
    out,
    '--rootDir',
    root,
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--target',
    'es2022',
    '--skipLibCheck',
    '--types',
    'node',
    source,
  ];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`cannot build the fake API server: ${run.stdout}${run.stderr}`);
    return undefined;
  }
  return out;
}

/**
 * Starts the fake API server on the snapshot in its own process, runs the collector against it, stops it.
 * @param {string} snapshot @param {string} out @param {string} build
 */
async function collectStage(snapshot, out, build) {
  const kubeconfig = join(out, 'kubeconfig.json');
  const server = spawn(process.execPath, [join(here, 'serve.mjs'), snapshot, kubeconfig, build], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise((resolve) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += String(chunk);
      if (text.includes('READY ')) resolve(true);
    });
    server.on('exit', () => resolve(false));
  });
  if (!ready) return { failed: true, error: 'the fake API server did not start' };
  try {
    return stage(['collect', kubeconfig, join(out, 'collected')]);
  } finally {
    server.kill('SIGTERM');
  }
}

const mib = (/** @type {number} */ bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
const secs = (/** @type {number} */ s) => `${s.toFixed(2)} s`;
const ratio = (/** @type {number} */ x, /** @type {number} */ floor) => `${(x / floor).toFixed(2)}×`;

const fakeServer = values['skip-collect'] ? undefined : buildFakeServer();
const rows = [];
for (const size of sizes) {
  const dir = await snapshotFor(size);
  const out = join(dataDir, 'out', size);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  console.error(`${size}: floor`);
  const floor = stage(['floor', dir]);
  console.error(`${size}: evaluate`);
  const evaluation = stage(['evaluate', dir, profile, out]);
  const assessment = join(out, 'cis-kubernetes-1.11.1.json');
  console.error(`${size}: xlsx`);
  const xlsx = evaluation.failed
    ? { failed: true, error: 'no assessment' }
    : stage(['xlsx', assessment, join(out, 'report.xlsx')]);
  console.error(`${size}: pdf`);
  const pdf = values['skip-pdf']
    ? { skipped: true }
    : evaluation.failed
      ? { failed: true, error: 'no assessment' }
      : stage(['pdf', assessment, join(out, 'report.pdf')]);
  console.error(`${size}: collect`);
  const collect = fakeServer ? await collectStage(dir, out, fakeServer) : { skipped: true };
  rows.push({ size, spec: SIZES[size], floor, evaluation, xlsx, pdf, collect });
  console.error(JSON.stringify({ size, floor, evaluation, xlsx, pdf, collect }));
}

const GiB = 1024 ** 3;
const lines = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / GiB).toFixed(1)} GiB RAM, Node ${process.version}; profile ${profile}, seed ${seed}. Each stage runs in its own process; RSS is that process's peak (\`process.resourceUsage().maxRSS\`). The PDF's Chromium memory is the peak of the summed PSS of its processes (shared pages split between them), sampled every 250 ms.`,
  '',
  '| size | input | floor: read + JSON.parse | evaluate (load + checks) | evaluate peak RSS (then writing assessment.json) | workbook | workbook peak RSS | workbook size | PDF | PDF peak RSS (node / Chromium) | PDF size | collect (fake API server) | collect peak RSS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const r of rows) {
  const f = r.floor;
  const e = r.evaluation;
  const cell = (
    /** @type {Record<string, any>} */ x,
    /** @type {(x: Record<string, any>) => string} */ show,
  ) => (x.failed ? `FAILED: ${x.error}` : x.skipped ? 'skipped' : show(x));
  lines.push(
    `| ${r.size}: ${r.spec.nodes} nodes, ${r.spec.pods} pods, ${r.spec.namespaces} ns, ${r.spec.rbac} RBAC | ${f.failed ? '?' : mib(f.bytes)} | ${cell(f, (x) => secs(x.seconds))} | ${cell(e, (x) => `${secs(x.seconds)} (${ratio(x.seconds, f.seconds)}; load ${secs(x.loadSeconds)}, checks ${secs(x.evaluateSeconds)})`)} | ${cell(e, (x) => `${x.maxRssMiB} MiB (${x.withWriteRssMiB} MiB)`)} | ${cell(r.xlsx, (x) => `${secs(x.seconds)} (${ratio(x.seconds, f.seconds)})`)} | ${cell(r.xlsx, (x) => `${x.maxRssMiB} MiB`)} | ${cell(r.xlsx, (x) => mib(x.bytes))} | ${cell(r.pdf, (x) => secs(x.seconds))} | ${cell(r.pdf, (x) => `${x.maxRssMiB} / ${x.childPeakRssMiB} MiB`)} | ${cell(r.pdf, (x) => mib(x.bytes))} | ${cell(r.collect, (x) => `${secs(x.seconds)} (${x.objects} objects, ${x.configz} configz)`)} | ${cell(r.collect, (x) => `${x.maxRssMiB} MiB`)} |`,
  );
}
lines.push('', 'Findings per size (the workbook and PDF render the CIS Kubernetes 1.11.1 assessment):', '');
for (const r of rows) {
  if (r.evaluation.failed) continue;
  const listed = r.evaluation.frameworks
    .map(
      (/** @type {Record<string, any>} */ fw) =>
        `${fw.id}: ${fw.results} requirements, ${fw.fail} failed, ${fw.offenders} offending objects`,
    )
    .join('; ');
  lines.push(
    `- ${r.size}: ${r.evaluation.objects} objects loaded. ${listed}. The ${r.evaluation.frameworks.length} assessment.json files written in ${secs(r.evaluation.writeSeconds)}.`,
  );
}
lines.push('', 'Targets (judged on the measurements above):', '');
const verdict = (/** @type {boolean} */ ok) => (ok ? 'met' : '**missed**');
const max = rows.find((r) => r.size === 'max');
if (max && !max.floor.failed) {
  const e = max.evaluation;
  const x = max.xlsx;
  lines.push(
    `- evaluate within 3× the floor at 150,000 pods: ${e.failed ? '**missed** (failed)' : `${verdict(e.seconds <= 3 * max.floor.seconds)} (${ratio(e.seconds, max.floor.seconds)})`}`,
  );
  lines.push(
    `- evaluate under 2 GiB peak RSS at 150,000 pods: ${e.failed ? '**missed** (failed)' : `${verdict(e.maxRssMiB < 2048)} (${e.maxRssMiB} MiB)`}`,
  );
  lines.push(
    `- workbook with every finding within 5× the floor at 150,000 pods: ${x.failed ? '**missed** (failed)' : `${verdict(x.seconds <= 5 * max.floor.seconds)} (${ratio(x.seconds, max.floor.seconds)})`}`,
  );
}
const pdfs = rows.filter((r) => !r.pdf.skipped);
if (pdfs.length > 0)
  lines.push(
    `- PDF under 60 s at every size: ${verdict(pdfs.every((r) => !r.pdf.failed && r.pdf.seconds < 60))} (slowest ${secs(Math.max(...pdfs.map((r) => r.pdf.seconds ?? Infinity)))})`,
  );
const failed = rows.flatMap((r) =>
  ['floor', 'evaluation', 'xlsx', 'pdf', 'collect'].filter((k) => r[k].failed).map((k) => `${r.size} ${k}`),
);
lines.push(
  `- no size crashes: ${verdict(failed.length === 0)}${failed.length > 0 ? ` (${failed.join(', ')})` : ''}`,
);
// Fleet: 1,000 packs of the samples' size read, verified and aggregated into the fleet workbook and JSON (bench/fleet.mjs).
const fleetRun = spawnSync(process.execPath, [join(here, 'fleet.mjs')], { encoding: 'utf8' });
if (fleetRun.status === 0) {
  const f = JSON.parse(fleetRun.stdout.trim().split('\n').at(-1));
  lines.push(
    `- fleet report over ${f.clusters} packs (${f.packFiles} files, ${mib(f.packBytes)} each; ${f.packsRead} packs read, ${mib(f.bytesHashed)} hashed): aggregate ${secs(f.aggregateS)}, with workbook and JSON ${secs(f.totalS)}, peak RSS ${f.maxRssMiB} MiB`,
  );
} else lines.push(`- fleet report: **failed** (${fleetRun.stderr.trim().split('\n').at(-1)})`);
const table = `${lines.join('\n')}\n`;
console.log(table);
await writeFile(values.out ?? join(here, 'results.md'), await formatted(table));

/**
 * The file is committed, so it is written as `npm run lint` (prettier) wants it: aligned table columns.
 * @param {string} markdown
 */
async function formatted(markdown) {
  try {
    const prettier = await import('prettier');
    return await prettier.format(markdown, {
      parser: 'markdown',
      ...(await prettier.resolveConfig(join(here, 'results.md'))),
    });
  } catch {
    return markdown; // prettier is a dev dependency: without it the table is still valid Markdown
  }
}
