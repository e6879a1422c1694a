// @ts-check
// `npm run bench [-- --sizes small,large,max] [--seed X] [--skip-pdf] [--skip-stages] [--stage-sizes small,large]`: generates (or reuses) snapshots,
// times the commands users run as whole processes (report, scan, compare, verify, fleet) against the floor measured in
// the same run, then each stage in its own process as a breakdown; writes bench/results.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sampleDescendants } from './descendants.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dataDir = join(here, '.data');

/** Bump when the generator's output changes, so cached snapshots are regenerated. */
const GENERATOR_VERSION = 2;

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
    'skip-stages': { type: 'boolean' },
    /** Sizes that also get the per-stage breakdown (all by default). */
    'stage-sizes': { type: 'string', default: 'small,large,max' },
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
 * Starts the fake API server on the snapshot in its own process, runs `body` with its kubeconfig, stops it.
 * @template T
 * @param {string} snapshot @param {string} out @param {string} build
 * @param {(kubeconfig: string) => Promise<T>} body
 * @returns {Promise<T | { failed: true, error: string }>}
 */
async function withFakeServer(snapshot, out, build, body) {
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
    return await body(kubeconfig);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) =>
      server.exitCode !== null ? resolve(undefined) : server.on('exit', resolve),
    );
  }
}

/**
 * Runs the CLI as a user would, in its own process: wall time, the Node process's own peak RSS (read by the
 * preloaded bench/rss-on-exit.mjs), the peak summed PSS of its Chromium processes, and the time each PDF took
 * (from the progress line before it to its own `wrote …report.pdf` line).
 * @param {string[]} args @param {string} label
 */
async function cli(args, label) {
  const rssFile = join(dataDir, `rss-${process.pid}.jsonl`);
  await rm(rssFile, { force: true });
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', join(here, 'rss-on-exit.mjs'), join(root, 'dist', 'cli', 'bin.js'), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_RSS_FILE: rssFile } },
  );
  const chromium = sampleDescendants(/** @type {number} */ (child.pid));
  /** @type {{ at: number, line: string }[]} */
  const lines = [];
  let pending = '';
  const onData = (/** @type {Buffer} */ chunk) => {
    const at = performance.now();
    pending += String(chunk);
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) lines.push({ at, line });
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
  const seconds = (performance.now() - started) / 1000;
  const chromiumKiB = chromium.stop();
  const own = existsSync(rssFile)
    ? readFileSync(rssFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .find((r) => r.pid === child.pid)
    : undefined;
  await rm(rssFile, { force: true });
  // Exit 1 is "requirements failed", the normal outcome of an assessment with findings.
  if (code !== 0 && code !== 1) {
    const why = lines
      .slice(-4)
      .map((l) => l.line)
      .join(' / ');
    console.error(`  ${label} failed (exit ${code}): ${why}`);
    return { failed: true, error: `exit ${code}: ${lines.at(-1)?.line ?? ''}`.slice(0, 200) };
  }
  /** @type {number[]} */
  const pdfSeconds = [];
  /** Seconds per part of the run: until the first file (load, evaluate), then each format's files together. */
  /** @type {Record<string, number>} */
  const phases = {};
  let previous = started;
  for (const { at, line } of lines) {
    if (!line.startsWith('wrote ')) continue;
    if (/report\.pdf$/.test(line)) pdfSeconds.push((at - previous) / 1000);
    const part = previous === started ? 'load and evaluate' : formatOf(line.slice(6));
    phases[part] = (phases[part] ?? 0) + (at - previous) / 1000;
    previous = at;
  }
  const pdfTotal = pdfSeconds.reduce((a, b) => a + b, 0);
  const result = {
    seconds,
    withoutPdfSeconds: seconds - pdfTotal,
    pdfSeconds,
    phases,
    maxRssMiB: own ? Math.round(own.maxRssKiB / 1024) : undefined,
    chromiumMiB: Math.round(chromiumKiB / 1024),
    exit: code,
  };
  // Each figure as soon as it is known, so a long run that is stopped still leaves its measurements.
  console.error(`  ${label}: ${JSON.stringify(result)}`);
  return result;
}

/** The pack format a written file belongs to, from its name. @param {string} path */
function formatOf(path) {
  const name = path.replace(/\/$/, '').split('/').pop() ?? path;
  if (name === 'snapshot') return 'snapshot copy';
  if (name.endsWith('.oscal.json')) return 'oscal';
  if (name === 'assessment.json') return 'json';
  const extension = name.split('.').pop() ?? name;
  return (
    { sarif: 'sarif', xml: 'junit', csv: 'csv', html: 'html', xlsx: 'xlsx', pdf: 'pdf' }[extension] ?? name
  );
}

/** Bytes per format in a pack, from its manifest. @param {string} pack @returns {Promise<Record<string, number>>} */
async function bytesByFormat(pack) {
  /** @type {Record<string, number>} */
  const bytes = {};
  for (const file of await packFiles(pack).catch(() => [])) {
    const rel = file.path.slice(pack.length + 1);
    const part = rel.startsWith('snapshot/') ? 'snapshot copy' : formatOf(rel);
    bytes[part] = (bytes[part] ?? 0) + file.size;
  }
  return bytes;
}

/** Files listed in a pack's manifest, as absolute paths. @param {string} pack */
async function packFiles(pack) {
  const manifest = JSON.parse(await readFile(join(pack, 'manifest.json'), 'utf8'));
  return /** @type {{ path: string, size: number }[]} */ (manifest.files).map((f) => ({
    path: join(pack, ...f.path.split('/')),
    size: f.size,
  }));
}

/** `sha256sum` over the same files as verify (the floor for hashing them), in one process. @param {string} pack */
async function sha256sumFloor(pack) {
  const files = await packFiles(pack);
  const started = performance.now();
  const run = spawnSync('xargs', ['-0', 'sha256sum'], {
    input: files.map((f) => f.path).join('\0'),
    stdio: ['pipe', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) return { failed: true, error: String(run.stderr).slice(0, 200) };
  return { seconds, files: files.length, bytes: files.reduce((a, f) => a + f.size, 0) };
}

const mib = (/** @type {number} */ bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
const secs = (/** @type {number} */ s) => `${s.toFixed(2)} s`;
const ratio = (/** @type {number} */ x, /** @type {number} */ floor) => `${(x / floor).toFixed(2)}×`;

const benchStarted = performance.now();
const fakeServer = values['skip-collect'] ? undefined : buildFakeServer();
// Every format the pack can hold (report and scan), as a user of `--format all` gets; compare writes its own three.
const packFormats = values['skip-pdf'] ? 'json,oscal,sarif,junit,csv,html,xlsx' : 'all';
const formats = values['skip-pdf'] ? 'json,xlsx' : 'pdf,xlsx,json';
const rows = [];
for (const size of sizes) {
  const dir = await snapshotFor(size);
  const out = join(dataDir, 'out', size);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  console.error(`${size}: floor`);
  const floor = stage(['floor', dir]);
  console.error(`  floor: ${JSON.stringify(floor)}`);
  // End to end: the commands users run, each a whole process.
  console.error(`${size}: report --framework all`);
  const reportPack = join(out, 'report-pack');
  const report = await cli(
    [
      'report',
      '--snapshot',
      dir,
      '--profile',
      profile,
      '--framework',
      'all',
      '--format',
      packFormats,
      '--lang',
      'en',
      '--no-fail',
      '--out',
      reportPack,
    ],
    'report',
  );
  console.error(`${size}: scan`);
  const scanPack = join(out, 'scan-pack');
  const scan = fakeServer
    ? await withFakeServer(dir, out, fakeServer, (kubeconfig) =>
        cli(
          [
            'scan',
            '--kubeconfig',
            kubeconfig,
            '--profile',
            profile,
            '--format',
            packFormats,
            '--lang',
            'en',
            '--no-fail',
            '--quiet',
            '--out',
            scanPack,
          ],
          'scan',
        ),
      )
    : { skipped: true };
  console.error(`${size}: compare`);
  // The report's and the scan's packs: two packs of the same size, CIS Kubernetes of both compared.
  const compare =
    report.failed || scan.failed || scan.skipped
      ? { skipped: true }
      : await cli(
          [
            'compare',
            reportPack,
            scanPack,
            '--framework',
            'cis-kubernetes',
            '--format',
            formats,
            '--lang',
            'en',
            '--out',
            join(out, 'compare'),
          ],
          'compare',
        );
  // What the report wrote, per format: the output it must produce, beside the input it reads.
  const reportBytes = report.failed ? {} : await bytesByFormat(reportPack);
  console.error(`${size}: verify`);
  const sha = report.failed ? { failed: true, error: 'no pack' } : await sha256sumFloor(reportPack);
  console.error(`  sha256sum: ${JSON.stringify(sha)}`);
  const verify = report.failed
    ? { failed: true, error: 'no pack' }
    : await cli(['verify', reportPack], 'verify');
  let evaluation = { skipped: true };
  let xlsx = { skipped: true };
  let pdf = { skipped: true };
  let collect = { skipped: true };
  if (!values['skip-stages'] && (values['stage-sizes'] ?? '').split(',').includes(size)) {
    // Breakdown: each stage alone in its own process.
    console.error(`${size}: stages`);
    evaluation = stage(['evaluate', dir, profile, out]);
    const assessment = join(out, 'cis-kubernetes-1.11.1.json');
    xlsx = evaluation.failed
      ? { failed: true, error: 'no assessment' }
      : stage(['xlsx', assessment, join(out, 'report.xlsx')]);
    pdf = values['skip-pdf']
      ? { skipped: true }
      : evaluation.failed
        ? { failed: true, error: 'no assessment' }
        : stage(['pdf', assessment, join(out, 'report.pdf')]);
    collect = fakeServer
      ? await withFakeServer(dir, out, fakeServer, async (kubeconfig) =>
          stage(['collect', kubeconfig, join(out, 'collected')]),
        )
      : { skipped: true };
  }
  const row = {
    size,
    spec: SIZES[size],
    floor,
    report,
    reportBytes,
    scan,
    compare,
    verify,
    sha,
    evaluation,
    xlsx,
    pdf,
    collect,
  };
  rows.push(row);
  console.error(JSON.stringify(row));
  // The packs of the larger sizes take gigabytes: only the figures are kept.
  await rm(out, { recursive: true, force: true });
}

// Fleet: 1,000 packs of the samples' size read, verified and aggregated into the fleet workbook and JSON (bench/fleet.mjs).
console.error('fleet');
const fleetRun = spawnSync(process.execPath, [join(here, 'fleet.mjs')], { encoding: 'utf8' });
const fleet = fleetRun.status === 0 ? JSON.parse(fleetRun.stdout.trim().split('\n').at(-1)) : undefined;
const benchSeconds = (performance.now() - benchStarted) / 1000;

const GiB = 1024 ** 3;
/** @param {Record<string, any>} x @param {(x: Record<string, any>) => string} show */
const cell = (x, show) => (x.failed ? `FAILED: ${x.error}` : x.skipped ? 'skipped' : show(x));
const rss = (/** @type {Record<string, any>} */ x) =>
  `${x.maxRssMiB ?? '?'} MiB${x.chromiumMiB ? ` / ${x.chromiumMiB} MiB` : ''}`;
const lines = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / GiB).toFixed(1)} GiB RAM, Node ${process.version}; profile ${profile}, seed ${seed}; the whole bench took ${(benchSeconds / 60).toFixed(1)} min. Other work on the machine makes absolute times noisy: each figure is also given as its ratio to the floor measured in the same run, just before it.`,
  '',
  "**Floor**: the cost of reading the input once: every file read and every object `JSON.parse`d once, none kept (a large List's items parsed one by one and dropped). **Node RSS** is the CLI process's own peak (`process.resourceUsage().maxRSS`, read at exit by bench/rss-on-exit.mjs); **Chromium** is the peak of the summed PSS of its processes, sampled every 250 ms.",
  '',
  '## End to end: the commands users run',
  '',
  `\`report\` is \`report --framework all --format ${packFormats}\` (five frameworks, one pack); its time without PDF printing subtracts each PDF's time (from the progress line before it to its own). \`scan\` collects from the fake API server (bench/serve.mjs; Azure not configured, so ARM parts are gaps), evaluates CIS Kubernetes and writes the pack in the same formats. \`compare\` compares the report's pack with the scan's (CIS Kubernetes). \`verify\` checks the report's pack; \`sha256sum\` hashes the same files.`,
  '',
  '| size | input | floor | report: time (× floor) | report without PDF (× floor) | each PDF | report RSS: Node / Chromium | scan: time (× floor) | scan RSS: Node / Chromium | compare: time | compare RSS | verify: time (× sha256sum) | sha256sum | verify RSS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const r of rows) {
  const f = r.floor.failed ? NaN : r.floor.seconds;
  lines.push(
    `| ${r.size}: ${r.spec.nodes} nodes, ${r.spec.pods} pods, ${r.spec.namespaces} ns, ${r.spec.rbac} RBAC | ${r.floor.failed ? '?' : mib(r.floor.bytes)} | ${cell(r.floor, (x) => `${secs(x.seconds)} (${x.maxRssMiB} MiB)`)} | ${cell(r.report, (x) => `${secs(x.seconds)} (${ratio(x.seconds, f)})`)} | ${cell(r.report, (x) => `${secs(x.withoutPdfSeconds)} (${ratio(x.withoutPdfSeconds, f)})`)} | ${cell(r.report, (x) => (x.pdfSeconds.length ? x.pdfSeconds.map((s) => s.toFixed(1)).join(', ') + ' s' : '–'))} | ${cell(r.report, rss)} | ${cell(r.scan, (x) => `${secs(x.seconds)} (${ratio(x.seconds, f)})`)} | ${cell(r.scan, rss)} | ${cell(r.compare, (x) => `${secs(x.seconds)} (${ratio(x.seconds, f)})`)} | ${cell(r.compare, rss)} | ${cell(r.verify, (x) => (r.sha.failed ? secs(x.seconds) : `${secs(x.seconds)} (${ratio(x.seconds, r.sha.seconds)})`))} | ${cell(r.sha, (x) => `${secs(x.seconds)} (${x.files} files, ${mib(x.bytes)})`)} | ${cell(r.verify, (x) => `${x.maxRssMiB} MiB`)} |`,
  );
}
// Where the report's time goes: no single part accounts for the distance from the floor, the output does.
const PARTS = [
  'load and evaluate',
  'snapshot copy',
  'json',
  'oscal',
  'sarif',
  'junit',
  'csv',
  'html',
  'xlsx',
  'pdf',
];
const timed = rows.filter((r) => !r.report.failed && r.report.phases);
if (timed.length > 0) {
  lines.push(
    '',
    "Where `report`'s time goes: seconds from the start to the first file written (loading the snapshot, writing its copy on the way, evaluating every framework), then each format's files together (all five frameworks), with the bytes they hold. The pack is several times the size of its input.",
    '',
    `| size | ${PARTS.join(' | ')} | pack size (× input) |`,
    `| --- | ${PARTS.map(() => '---').join(' | ')} | --- |`,
  );
  for (const r of timed) {
    const total = Object.values(r.reportBytes).reduce((a, b) => a + b, 0);
    const part = (/** @type {string} */ p) => {
      const t = r.report.phases[p];
      const b = r.reportBytes[p];
      if (t === undefined && b === undefined) return '–';
      return `${t === undefined ? '' : secs(t)}${b === undefined ? '' : ` (${mib(b)})`}`.trim();
    };
    lines.push(
      `| ${r.size} | ${PARTS.map(part).join(' | ')} | ${mib(total)} (${r.floor.failed ? '?' : (total / r.floor.bytes).toFixed(1)}×) |`,
    );
  }
}
lines.push(
  '',
  fleet
    ? `Fleet report over ${fleet.clusters} packs (${fleet.packFiles} files, ${mib(fleet.packBytes)} each; ${fleet.packsRead} packs read, ${mib(fleet.bytesHashed)} hashed): aggregate ${secs(fleet.aggregateS)}, with workbook and JSON ${secs(fleet.totalS)}, peak RSS ${fleet.maxRssMiB} MiB.`
    : `Fleet report: **failed** (${fleetRun.stderr.trim().split('\n').at(-1)})`,
);
lines.push(
  '',
  '## Breakdown: each stage alone, in its own process',
  '',
  'The workbook and PDF render the CIS Kubernetes 1.11.1 assessment; evaluate loads the snapshot and evaluates all five frameworks.',
  '',
  '| size | evaluate (load + checks) | evaluate peak RSS (then writing assessment.json) | workbook | workbook peak RSS | workbook size | PDF | PDF peak RSS (node / Chromium) | PDF size | collect (fake API server) | collect peak RSS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
);
for (const r of rows) {
  const f = r.floor.failed ? NaN : r.floor.seconds;
  lines.push(
    `| ${r.size} | ${cell(r.evaluation, (x) => `${secs(x.seconds)} (${ratio(x.seconds, f)}; load ${secs(x.loadSeconds)}, checks ${secs(x.evaluateSeconds)})`)} | ${cell(r.evaluation, (x) => `${x.maxRssMiB} MiB (${x.withWriteRssMiB} MiB)`)} | ${cell(r.xlsx, (x) => `${secs(x.seconds)} (${ratio(x.seconds, f)})`)} | ${cell(r.xlsx, (x) => `${x.maxRssMiB} MiB`)} | ${cell(r.xlsx, (x) => mib(x.bytes))} | ${cell(r.pdf, (x) => secs(x.seconds))} | ${cell(r.pdf, (x) => `${x.maxRssMiB} / ${x.childPeakRssMiB} MiB`)} | ${cell(r.pdf, (x) => mib(x.bytes))} | ${cell(r.collect, (x) => `${secs(x.seconds)} (${x.objects} objects, ${x.configz} configz)`)} | ${cell(r.collect, (x) => `${x.maxRssMiB} MiB`)} |`,
  );
}
lines.push('', 'Findings per size:', '');
for (const r of rows) {
  if (r.evaluation.failed || r.evaluation.skipped) continue;
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
lines.push('', 'Targets at 150,000 pods (judged on the measurements above):', '');
const verdict = (/** @type {boolean} */ ok) => (ok ? 'met' : '**missed**');
const max = rows.find((r) => r.size === 'max');
if (max && !max.floor.failed) {
  const f = max.floor.seconds;
  const rp = max.report;
  lines.push(
    `- \`report --framework all\` succeeds with every format: ${rp.failed ? '**missed** (failed)' : verdict(!values['skip-pdf'])}${values['skip-pdf'] ? ' (PDF skipped in this run)' : ''}`,
    `- its Node peak RSS under 1 GiB: ${rp.failed ? '**missed** (failed)' : `${verdict(rp.maxRssMiB < 1024)} (${rp.maxRssMiB} MiB)`}`,
    `- its time without PDF printing within 3× the floor: ${rp.failed ? '**missed** (failed)' : `${verdict(rp.withoutPdfSeconds <= 3 * f)} (${ratio(rp.withoutPdfSeconds, f)})`}`,
    `- each PDF under 20 s: ${rp.failed || values['skip-pdf'] ? 'not measured' : `${verdict(rp.pdfSeconds.every((s) => s < 20))} (slowest ${secs(Math.max(...rp.pdfSeconds))})`}`,
    `- \`scan\` under 1 GiB: ${max.scan.failed ? '**missed** (failed)' : max.scan.skipped ? 'not measured' : `${verdict(max.scan.maxRssMiB < 1024)} (${max.scan.maxRssMiB} MiB)`}`,
    `- \`verify\` within 1.5× \`sha256sum\`: ${max.verify.failed || max.sha.failed ? '**missed** (failed)' : `${verdict(max.verify.seconds <= 1.5 * max.sha.seconds)} (${ratio(max.verify.seconds, max.sha.seconds)})`}`,
  );
}
const failed = rows.flatMap((r) =>
  ['floor', 'report', 'scan', 'compare', 'verify', 'evaluation', 'xlsx', 'pdf', 'collect']
    .filter((k) => r[k].failed)
    .map((k) => `${r.size} ${k}`),
);
lines.push(
  `- no command or stage fails at any size: ${verdict(failed.length === 0)}${failed.length > 0 ? ` (${failed.join(', ')})` : ''}`,
  `- \`npm run bench\` under 15 minutes: ${verdict(benchSeconds < 900)} (${(benchSeconds / 60).toFixed(1)} min)`,
);
const table = `${lines.join('\n')}\n`;
console.log(table);
const resultsFile = values.out ?? join(here, 'results.md');
await writeFile(resultsFile, await formatted(`${table}${await earlierRuns(resultsFile)}`));

/**
 * The previous results stay below the new ones for comparison: the file's last run becomes the first of its
 * "Earlier runs" (the three most recent kept).
 * @param {string} file
 */
async function earlierRuns(file) {
  const old = await readFile(file, 'utf8').catch(() => '');
  if (!old) return '';
  const marker = '\n## Earlier runs\n';
  const cut = old.indexOf(marker);
  const last = (cut >= 0 ? old.slice(0, cut) : old).replace(/^# Benchmark results\n/, '').trim();
  const before =
    cut >= 0
      ? old
          .slice(cut + marker.length)
          .split(/\n(?=### Run of )/)
          .filter((s) => s.trim())
      : [];
  const lastTitle = /Measured (\S+)/.exec(last)?.[1] ?? 'an earlier run';
  const demoted = `### Run of ${lastTitle}\n\n${last.replace(/^## /gm, '#### ').replace(/^### /gm, '#### ')}\n`;
  return `\n## Earlier runs\n\n${[demoted, ...before.map((s) => s.trim() + '\n')].slice(0, 3).join('\n')}`;
}

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
