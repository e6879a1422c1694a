// Fleet aggregation benchmark: 1,000 packs of the samples' size (hard links of one real pack) read, verified and aggregated; time and peak RSS.
import { spawnSync } from 'node:child_process';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const CLUSTERS = Number(process.env.FLEET_BENCH_CLUSTERS ?? 1000);
/** Every tenth cluster also has two older packs, for the trend. */
const HISTORY_EVERY = 10;

/** Child mode: aggregate the store and write the workbook and JSON, then print time and peak RSS. */
if (process.argv[2] === '--aggregate') {
  const { loadCatalogue, getFramework } = await import(join(root, 'dist/catalogue/load.js'));
  const { aggregateFleet } = await import(join(root, 'dist/fleet/aggregate.js'));
  const { DirectoryStore } = await import(join(root, 'dist/fleet/pack-store.js'));
  const { writeFleetWorkbook } = await import(join(root, 'dist/fleet/fleet-xlsx.js'));
  const { writeFleetJson } = await import(join(root, 'dist/fleet/fleet-json.js'));
  const [store, out] = process.argv.slice(3);
  const started = performance.now();
  const framework = getFramework(await loadCatalogue(), 'cis-kubernetes-1.11.1');
  const report = await aggregateFleet(new DirectoryStore(store), { framework, staleDays: 30, history: 12 });
  const aggregated = performance.now();
  await writeFleetWorkbook(report, join(out, 'fleet-report.xlsx'), 'en');
  await writeFleetJson(report, join(out, 'fleet-report.json'));
  console.log(
    JSON.stringify({
      clusters: report.clusters.length,
      refused: report.rejected.length,
      packsRead: report.stats.packsRead,
      bytesHashed: report.stats.bytesHashed,
      aggregateS: (aggregated - started) / 1000,
      totalS: (performance.now() - started) / 1000,
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  process.exit(0);
}

const work = join(tmpdir(), 'kube-evidence-fleet-bench');
await rm(work, { recursive: true, force: true });
const template = join(work, 'template');
const cli = join(root, 'dist/cli/bin.js');
const made = spawnSync(
  process.execPath,
  [
    cli,
    'report',
    '--snapshot',
    join(root, 'samples/aks-prod'),
    '--profile',
    'aks',
    '--format',
    'json,xlsx',
    '--no-fail',
    '--out',
    template,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (made.status !== 0) throw new Error('could not write the template pack');
const manifest = JSON.parse(await readFile(join(template, 'manifest.json'), 'utf8'));
const packBytes = manifest.files.reduce((sum, f) => sum + f.size, 0);

const store = join(work, 'store');
const stamp = (days) =>
  new Date(Date.now() - days * 86_400_000)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
for (let i = 0; i < CLUSTERS; i++) {
  const id = `aks-${String(i).padStart(4, '0')}`;
  const stamps = i % HISTORY_EVERY === 0 ? [stamp(60), stamp(30), stamp(1)] : [stamp(1)];
  for (const s of stamps) {
    const dir = join(store, id, s);
    for (const f of manifest.files) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true });
      await link(join(template, f.path), join(dir, f.path));
    }
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({ ...manifest, cluster: { ...manifest.cluster, name: id } }),
    );
  }
}
const out = join(work, 'out');
await mkdir(out, { recursive: true });
const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--aggregate', store, out], {
  encoding: 'utf8',
});
if (run.status !== 0) throw new Error(run.stderr);
const result = {
  ...JSON.parse(run.stdout.trim().split('\n').at(-1)),
  packBytes,
  packFiles: manifest.files.length + 1,
};
await rm(work, { recursive: true, force: true });
console.log(JSON.stringify(result));
