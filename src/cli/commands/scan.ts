// `kube-evidence scan`: collect, evaluate and render in one run; the snapshot is kept in OUT/snapshot/.
import { join } from 'node:path';
import type { Command } from 'commander';
import { getFramework, loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import { collectCluster, summaryLine } from '../../collect/collect-cluster.js';
import { loadSnapshot } from '../../collect/snapshot.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { loadWaivers } from '../../evaluate/waiver-file.js';
import { frameworkList } from '../../pack/destination.js';
import { renderAll } from '../../render/render-all.js';
import { exitCodeFor } from '../exit-codes.js';
import { log, warn } from '../log.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, parseFormats, parseLang } from '../options.js';
import { addCollectOptions, collectOptionsFrom, type CollectCliOptions } from './collect.js';

interface ScanCliOptions extends CollectCliOptions {
  out: string;
  profile: string;
  framework: string;
  format: string;
  lang: string;
  fail: boolean;
  waivers?: string;
}

export function registerScan(program: Command): void {
  addCollectOptions(
    program
      .command('scan')
      .description(
        'collect from a live cluster, evaluate and write the evidence pack (snapshot kept in OUT/snapshot/)',
      ),
  )
    .requiredOption('--profile <profile>', 'provider profile: aks, kubeadm or self-managed')
    .option('--framework <list>', 'framework id(s), comma-separated, or "all"', 'cis-kubernetes-1.11.1')
    .requiredOption('--out <dir>', 'output directory of the evidence pack')
    .option(
      '--format <list>',
      `comma-separated formats: ${OUTPUT_FORMATS.join(', ')}; or all`,
      DEFAULT_FORMATS,
    )
    .option('--lang <lang>', 'report language: zh or en', 'zh')
    .option('--waivers <file>', 'YAML file of accepted exceptions (see docs/waivers.md)')
    .option('--no-fail', 'exit 0 even when automated requirements fail')
    .action(async (opts: ScanCliOptions) => {
      // Everything that can be wrong with the options is found before a long collection starts.
      const formats = parseFormats(opts.format);
      const lang = parseLang(opts.lang);
      const catalogue = await loadCatalogue();
      const profile = await resolveProfile(catalogue, opts.profile);
      const frameworks = frameworkList(opts.framework, catalogue.frameworks.keys());
      for (const id of frameworks) getFramework(catalogue, id);
      const waivers = opts.waivers
        ? { file: opts.waivers, waivers: await loadWaivers(opts.waivers) }
        : undefined;
      const snapshotDir = join(opts.out, 'snapshot');
      const collection = await collectCluster({
        ...collectOptionsFrom(opts, snapshotDir, 'gap'),
        provider: profile.id,
      });
      warn(summaryLine(collection));

      const facts = await loadSnapshot(snapshotDir);
      const assessments = frameworks.map((framework) =>
        evaluate(facts, catalogue, { framework, profile: profile.id, waivers }),
      );
      for (const a of assessments)
        log(
          `${a.framework.id}: ${a.results.length} requirements, ${a.summary.counts.fail} failed, score ${a.summary.score ?? '–'}%`,
        );
      const code = await renderAll(assessments, { outDir: opts.out, formats, lang });
      process.exitCode = code ?? exitCodeFor(assessments, !opts.fail);
    });
}
