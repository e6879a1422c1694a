// `kube-evidence fleet discover`: every AKS cluster from Azure Resource Graph into ARM-only snapshots, optionally evaluated at once.
import type { Command } from 'commander';
import { getFramework, loadCatalogue, type Catalogue } from '../../catalogue/load.js';
import { evaluateSkeletons } from '../../fleet/evaluate-skeletons.js';
import { GraphError, queryManagedClusters, type GraphOptions } from '../../fleet/resource-graph.js';
import { writeSkeletons } from '../../fleet/skeletons.js';
import type { Lang } from '../../model/text.js';
import { frameworkList } from '../../pack/destination.js';
import type { PackFormat } from '../../pack/write-pack.js';
import { InputError } from '../../util/errors.js';
import { findBrowser } from '../../render/browser.js';
import { EXIT_FAILED_REQUIREMENTS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { log, setQuiet, warn } from '../log.js';
import { OUTPUT_FORMATS, parseFormats, parseLang, langOption } from '../options.js';

export interface DiscoverRun {
  graph: GraphOptions;
  out: string;
  evaluate?: {
    packsDir: string;
    catalogue: Catalogue;
    frameworks: string[];
    formats: PackFormat[];
    lang: Lang;
  };
}

/** The whole command after option parsing; tests call it with a test credential and endpoint. */
export async function runDiscover(run: DiscoverRun): Promise<number> {
  let discovery;
  try {
    discovery = await writeSkeletons(
      queryManagedClusters({
        ...run.graph,
        onPage: (rows, total) => log(`resource graph: ${rows} rows (${total} clusters so far)`),
      }),
      run.out,
    );
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    warn(`kube-evidence: ${error.message}`);
    return EXIT_USAGE;
  }
  for (const r of discovery.rejected) warn(`skipped ${r.id}: name "${r.name}" is ${r.reason}`);
  log(`discovered ${discovery.clusters.length} managed clusters; ARM-only snapshots in ${run.out}`);
  if (run.evaluate) {
    const results = await evaluateSkeletons(discovery, run.out, run.evaluate.packsDir, run.evaluate);
    for (const r of results)
      for (const f of r.frameworks)
        log(
          `${r.name} ${f.id}: score ${f.score ?? '–'}%, ${f.fail} failed, ${f.error} not decidable from ARM alone`,
        );
    log(
      `packs in ${run.evaluate.packsDir} (build the fleet report with: kube-evidence fleet report --from ${run.evaluate.packsDir})`,
    );
  }
  return discovery.rejected.length > 0 ? EXIT_FAILED_REQUIREMENTS : EXIT_OK;
}

const SUBSCRIPTION = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function registerFleetDiscover(fleet: Command): void {
  fleet
    .command('discover')
    .description(
      'list every AKS cluster with Azure Resource Graph and write one ARM-only snapshot per cluster',
    )
    .option(
      '--subscriptions <ids>',
      'comma-separated subscription ids (default: every subscription the identity reads)',
    )
    .option('--management-group <id>', 'every subscription under this management group')
    .requiredOption(
      '--out <dir>',
      'discovery directory: <cluster>/azure/managed-cluster.json, snapshot.json, and clusters.json',
    )
    .option(
      '--evaluate <dir>',
      'also evaluate each ARM-only snapshot and write its pack to DIR/<cluster>/<timestamp>/',
    )
    .option(
      '--framework <list>',
      'framework id(s) for --evaluate, comma-separated, or "all"',
      'cis-kubernetes-1.11.1',
    )
    .option('--format <list>', `formats for --evaluate: ${OUTPUT_FORMATS.join(', ')}; or all`, 'json')
    .addOption(langOption())
    .option('--quiet', 'no progress lines on stderr')
    .action(
      async (opts: {
        subscriptions?: string;
        managementGroup?: string;
        out: string;
        evaluate?: string;
        framework: string;
        format: string;
        lang: string;
        quiet?: boolean;
      }) => {
        setQuiet(Boolean(opts.quiet));
        if (opts.subscriptions && opts.managementGroup)
          throw InputError.at(
            undefined,
            '--subscriptions',
            'give --subscriptions or --management-group, not both',
          );
        const subscriptions = opts.subscriptions
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const bad = subscriptions?.find((s) => !SUBSCRIPTION.test(s));
        if (bad !== undefined || (subscriptions && subscriptions.length === 0))
          throw InputError.at(
            undefined,
            '--subscriptions',
            `"${bad ?? opts.subscriptions}" is not a subscription id (a GUID)`,
          );
        if (opts.managementGroup !== undefined && !/^[A-Za-z0-9._()-]{1,90}$/.test(opts.managementGroup))
          throw InputError.at(
            undefined,
            '--management-group',
            `"${opts.managementGroup}" is not a management group id`,
          );
        let evaluate: DiscoverRun['evaluate'];
        if (opts.evaluate) {
          let formats = parseFormats(opts.format);
          if (formats.includes('pdf') && !findBrowser().path) {
            warn('kube-evidence: no browser for the PDF; writing the other formats');
            formats = formats.filter((f) => f !== 'pdf');
            if (formats.length === 0)
              throw InputError.at(undefined, '--format', 'only pdf was asked and no browser is installed');
          }
          const catalogue = await loadCatalogue();
          const frameworks = frameworkList(opts.framework, catalogue.frameworks.keys());
          for (const id of frameworks) getFramework(catalogue, id);
          evaluate = { packsDir: opts.evaluate, catalogue, frameworks, formats, lang: parseLang(opts.lang) };
        }
        process.exitCode = await runDiscover({
          graph: { subscriptions, managementGroup: opts.managementGroup },
          out: opts.out,
          evaluate,
        });
      },
    );
}
