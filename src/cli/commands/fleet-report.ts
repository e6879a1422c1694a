// `kube-evidence fleet report`: the latest verified pack of every cluster (directory or Blob container) → workbook, PDF summary, JSON.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { getFramework, loadCatalogue } from '../../catalogue/load.js';
import { aggregateFleet } from '../../fleet/aggregate.js';
import { looksLikeUrl, openContainer } from '../../fleet/blob-container.js';
import { writeFleetJson } from '../../fleet/fleet-json.js';
import { writeFleetPdf } from '../../fleet/fleet-pdf.js';
import { writeFleetWorkbook } from '../../fleet/fleet-xlsx.js';
import { BlobStore, DirectoryStore, type PackStore } from '../../fleet/pack-store.js';
import { loadTrust } from '../../pack/sign/trust.js';
import { findBrowser, BROWSER_HINT } from '../../render/browser.js';
import { InputError } from '../../util/errors.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { log, setQuiet, warn } from '../log.js';
import { parseFormats, parseLang, langOption } from '../options.js';

export const FLEET_FILES = { json: 'fleet-report.json', xlsx: 'fleet-report.xlsx', pdf: 'fleet-report.pdf' };
/** The fleet report's own formats (the exchange formats of a pack do not apply to it). */
const FLEET_FORMATS = Object.keys(FLEET_FILES) as (keyof typeof FLEET_FILES)[];

export function openStore(from: string): PackStore {
  return looksLikeUrl(from) ? new BlobStore(openContainer(from, '--from'), from) : new DirectoryStore(from);
}

export function registerFleetReport(fleet: Command): void {
  fleet
    .command('report')
    .description('the latest verified pack of every cluster → fleet workbook, PDF summary and JSON')
    .requiredOption(
      '--from <dir-or-url>',
      'directory or Blob container URL holding <cluster>/<timestamp>/ packs',
    )
    .requiredOption('--framework <id>', 'framework id, e.g. cis-kubernetes-1.11.1')
    .requiredOption('--out <dir>', 'directory for fleet-report.xlsx, fleet-report.pdf and fleet-report.json')
    .option('--format <list>', 'comma-separated formats: pdf, xlsx, json', 'pdf,xlsx,json')
    .addOption(langOption())
    .option(
      '--stale-days <n>',
      'a cluster whose latest scan is older than this is listed under coverage',
      '30',
    )
    .option('--history <n>', 'older packs per cluster read for the compliance-over-time chart', '12')
    .option(
      '--trust <file>',
      'PEM certificates or public keys to trust: every pack counted must be signed by one of them (or a certificate they issued); without it, signatures present are still checked',
    )
    .option('--quiet', 'no progress lines')
    .action(
      async (opts: {
        from: string;
        framework: string;
        out: string;
        format: string;
        lang: string;
        staleDays: string;
        history: string;
        trust?: string;
        quiet?: boolean;
      }) => {
        setQuiet(Boolean(opts.quiet));
        let formats = parseFormats(opts.format, FLEET_FORMATS);
        const lang = parseLang(opts.lang);
        const staleDays = count(opts.staleDays, '--stale-days', 1);
        const history = count(opts.history, '--history', 0);
        const framework = getFramework(await loadCatalogue(), opts.framework);
        const trust = opts.trust ? await loadTrust(opts.trust) : undefined;
        if (formats.includes('pdf') && !findBrowser().path) {
          warn(`kube-evidence: ${findBrowser().problem ?? BROWSER_HINT}; the PDF was not written`);
          formats = formats.filter((f) => f !== 'pdf');
          if (formats.length === 0) {
            process.exitCode = EXIT_USAGE;
            return;
          }
        }
        const store = openStore(opts.from);
        const report = await aggregateFleet(store, {
          framework,
          staleDays,
          history,
          trust,
          onCluster: (id, done, total) => log(`[${done}/${total}] ${id}`),
        });
        await mkdir(opts.out, { recursive: true });
        if (formats.includes('json')) await writeFleetJson(report, join(opts.out, FLEET_FILES.json));
        if (formats.includes('xlsx'))
          await writeFleetWorkbook(report, join(opts.out, FLEET_FILES.xlsx), lang);
        if (formats.includes('pdf')) await writeFleetPdf(report, join(opts.out, FLEET_FILES.pdf), lang);
        for (const f of formats) log(`wrote ${join(opts.out, FLEET_FILES[f])}`);
        for (const r of report.rejected) warn(`refused ${r.pack}: ${r.reason}`);
        const signed = report.clusters.filter((c) => c.signature !== 'unsigned').length;
        log(
          `${report.clusters.length} clusters counted, ${report.rejected.length} packs refused, ${report.coverage.stale.length} of ${report.coverage.clusters} without a recent counted scan, ${signed} of ${report.clusters.length} counted packs signed${trust && signed ? ' (trusted)' : ''} (${report.stats.packsRead} packs read in ${(report.stats.durationMs / 1000).toFixed(1)} s)`,
        );
        // A refused latest pack is a finding the pipeline should see: exit 1, like a failed requirement.
        process.exitCode = report.rejected.some((r) => r.latest) ? 1 : EXIT_OK;
      },
    );
}

function count(value: string, option: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw InputError.at(undefined, option, `"${value}" is not a whole number ≥ ${min}`);
  return n;
}
