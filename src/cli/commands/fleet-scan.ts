// `kube-evidence fleet scan`: many kubeconfig contexts (listed, all, or a discovery's clusters) scanned a few at a time; every outcome listed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { getFramework, loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import { loadKubeConfig } from '../../collect/kube-config.js';
import { openContainer } from '../../fleet/blob-container.js';
import { fleetScan, type ClusterOutcome, type FleetTarget } from '../../fleet/fleet-scan.js';
import { DISCOVERY_FILE, type Discovery } from '../../fleet/skeletons.js';
import { frameworkList } from '../../pack/destination.js';
import { findBrowser } from '../../render/browser.js';
import { InputError } from '../../util/errors.js';
import { isRecord, parseJson } from '../../util/fs.js';
import { EXIT_FAILED_REQUIREMENTS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { log, setQuiet, warn } from '../log.js';
import { OUTPUT_FORMATS, parseFormats, parseLang, langOption } from '../options.js';
import { uploadOption } from './fleet-upload.js';

interface FleetScanCli {
  contexts?: string;
  allContexts?: boolean;
  discovered?: string;
  kubeconfig?: string;
  profile: string;
  framework: string;
  format: string;
  lang: string;
  out: string;
  concurrency: string;
  nodes: string;
  pageSize: string;
  timeout: string;
  upload?: string;
  fail: boolean;
  quiet?: boolean;
}

export function registerFleetScan(fleet: Command): void {
  fleet
    .command('scan')
    .description(
      'scan several clusters from one kubeconfig, a few at a time; one failure does not stop the others',
    )
    .option('--contexts <list>', 'comma-separated kubeconfig contexts')
    .option('--all-contexts', 'every context of the kubeconfig')
    .option(
      '--discovered <dir>',
      'the clusters of a `fleet discover` directory (context = cluster name, as az aks get-credentials names it), with their ARM coordinates',
    )
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG or ~/.kube/config)')
    .requiredOption('--profile <profile>', 'provider profile: aks, kubeadm or self-managed')
    .option('--framework <list>', 'framework id(s), comma-separated, or "all"', 'cis-kubernetes-1.11.1')
    .option('--format <list>', `comma-separated formats: ${OUTPUT_FORMATS.join(', ')}; or all`, 'json,xlsx')
    .addOption(langOption())
    .requiredOption('--out <dir>', 'packs are written to DIR/<cluster>/<timestamp>/')
    .option('--concurrency <n>', 'clusters scanned at the same time', '2')
    .option('--nodes <which>', 'kubelet configz from all nodes, the first N nodes, or none', 'all')
    .option('--page-size <n>', 'objects per list request', '500')
    .option('--timeout <seconds>', 'per-request timeout', '60')
    .option(...uploadOption)
    .option('--no-fail', 'exit 0 even when automated requirements fail')
    .option('--quiet', 'no progress lines; the outcome table is still printed')
    .action(async (opts: FleetScanCli) => {
      setQuiet(Boolean(opts.quiet));
      let formats = parseFormats(opts.format);
      const lang = parseLang(opts.lang);
      const concurrency = wholeNumber(opts.concurrency, '--concurrency');
      const catalogue = await loadCatalogue();
      const profile = await resolveProfile(catalogue, opts.profile);
      const frameworks = frameworkList(opts.framework, catalogue.frameworks.keys());
      for (const id of frameworks) getFramework(catalogue, id);
      const upload = opts.upload ? openContainer(opts.upload, '--upload') : undefined;
      const targets = await targetsFrom(opts);
      if (formats.includes('pdf') && !findBrowser().path) {
        warn('kube-evidence: no browser for the PDF; writing the other formats');
        formats = formats.filter((f) => f !== 'pdf');
        if (formats.length === 0)
          throw InputError.at(undefined, '--format', 'only pdf was asked and no browser is installed');
      }
      const outcomes = await fleetScan({
        targets,
        kubeconfig: opts.kubeconfig,
        catalogue,
        profile: profile.id,
        frameworks,
        formats,
        lang,
        outDir: opts.out,
        concurrency,
        nodes:
          opts.nodes === 'all' || opts.nodes === 'none' ? opts.nodes : wholeNumber(opts.nodes, '--nodes'),
        pageSize: wholeNumber(opts.pageSize, '--page-size'),
        timeoutMs: wholeNumber(opts.timeout, '--timeout') * 1000,
        upload,
        log,
      });
      for (const line of outcomeTable(outcomes)) warn(line);
      process.exitCode = exitCode(outcomes, opts.fail);
    });
}

/** 2 when a cluster could not be scanned (or uploaded); else 1 when an automated requirement failed (unless --no-fail). */
export function exitCode(outcomes: ClusterOutcome[], gate: boolean): number {
  if (outcomes.some((o) => !o.ok)) return EXIT_USAGE;
  if (gate && outcomes.some((o) => o.frameworks.some((f) => f.automatedFail > 0)))
    return EXIT_FAILED_REQUIREMENTS;
  return EXIT_OK;
}

/** One line per cluster, then the totals: what a person reads at the end of a long run. */
export function outcomeTable(outcomes: ClusterOutcome[]): string[] {
  const width = Math.max(7, ...outcomes.map((o) => o.id.length));
  const lines = [`${'cluster'.padEnd(width)}  outcome  detail`];
  for (const o of outcomes) {
    const detail = o.ok
      ? o.frameworks.map((f) => `${f.id} ${f.score ?? '–'}% (${f.fail} failed)`).join(', ') +
        (o.gaps ? `; ${o.gaps} parts not collected` : '') +
        (o.uploaded ? `; uploaded ${o.uploaded}` : '')
      : (o.reason ?? 'failed');
    lines.push(
      `${o.id.padEnd(width)}  ${(o.ok ? 'scanned' : 'FAILED').padEnd(7)}  ${detail} [${(o.durationMs / 1000).toFixed(1)} s]`,
    );
  }
  const failed = outcomes.filter((o) => !o.ok).length;
  lines.push(
    `${outcomes.length - failed} of ${outcomes.length} clusters scanned${failed ? `, ${failed} failed` : ''}`,
  );
  return lines;
}

async function targetsFrom(opts: FleetScanCli): Promise<FleetTarget[]> {
  const chosen = [opts.contexts, opts.allContexts, opts.discovered].filter(Boolean).length;
  if (chosen !== 1)
    throw InputError.at(
      undefined,
      '--contexts',
      'expected exactly one of --contexts LIST, --all-contexts or --discovered DIR',
    );
  if (opts.discovered) return discoveredTargets(opts.discovered);
  const known = loadKubeConfig({ kubeconfig: opts.kubeconfig })
    .config.getContexts()
    .map((c) => c.name);
  const names = opts.allContexts
    ? known
    : [
        ...new Set(
          opts
            .contexts!.split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ];
  const unknown = names.filter((n) => !known.includes(n));
  if (names.length === 0 || unknown.length > 0)
    throw InputError.at(
      opts.kubeconfig,
      '--contexts',
      `no context ${unknown.map((n) => `"${n}"`).join(', ') || '(none given)'}; expected some of ${known.join(', ') || '(none)'}`,
    );
  return names.map((context) => ({ id: context, context }));
}

async function discoveredTargets(dir: string): Promise<FleetTarget[]> {
  const file = join(dir, DISCOVERY_FILE);
  const text = await readFile(file, 'utf8').catch(() => {
    throw InputError.at(
      file,
      undefined,
      'not found: expected the directory written by `kube-evidence fleet discover`',
    );
  });
  const discovery = parseJson(text, file) as Partial<Discovery>;
  if (!isRecord(discovery) || !Array.isArray(discovery.clusters))
    throw InputError.at(file, 'clusters', 'expected an array');
  return discovery.clusters.map((c, i) => {
    if (!isRecord(c) || typeof c.dir !== 'string' || typeof c.name !== 'string')
      throw InputError.at(file, `clusters[${i}]`, 'expected { "dir": string, "name": string, … }');
    return {
      id: c.dir,
      context: c.name,
      azure: { subscriptionId: c.subscriptionId, resourceGroup: c.resourceGroup, clusterName: c.name },
    };
  });
}

function wholeNumber(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw InputError.at(undefined, option, `"${value}" is not a positive whole number`);
  return n;
}
