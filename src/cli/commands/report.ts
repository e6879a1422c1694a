// `kube-evidence report`: snapshot → evaluate → render, in one run.
import type { Command } from 'commander';
import { loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import { loadSnapshot } from '../../collect/snapshot.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { loadWaivers } from '../../evaluate/waiver-file.js';
import { renderAll } from '../../render/render-all.js';
import { frameworkList, packDestination } from '../../pack/destination.js';
import { exitCodeFor } from '../exit-codes.js';
import { log } from '../log.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, parseFormats, parseLang } from '../options.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'evaluate a snapshot and write its evidence pack (PDF, Excel workbook, JSON, and on request OSCAL, SARIF, JUnit, CSV, HTML)',
    )
    .requiredOption('--snapshot <dir>', 'snapshot directory (see docs/snapshot-format.md)')
    .requiredOption(
      '--profile <profile>',
      'provider profile: aks, kubeadm, self-managed, or a profile file that extends one',
    )
    .option('--framework <list>', 'framework id(s), comma-separated, or "all"', 'cis-kubernetes-1.11.1')
    .option('--out <dir>', 'evidence pack directory')
    .option('--zip <file>', 'also (or only) write the evidence pack as a ZIP file')
    .option(
      '--format <list>',
      `comma-separated formats: ${OUTPUT_FORMATS.join(', ')}; or all`,
      DEFAULT_FORMATS,
    )
    .option('--lang <lang>', 'report language: zh or en', 'zh')
    .option('--waivers <file>', 'YAML file of accepted exceptions (see docs/waivers.md)')
    .option('--no-fail', 'exit 0 even when automated requirements fail')
    .action(
      async (opts: {
        snapshot: string;
        profile: string;
        framework: string;
        out?: string;
        zip?: string;
        format: string;
        lang: string;
        fail: boolean;
        waivers?: string;
      }) => {
        const formats = parseFormats(opts.format);
        const lang = parseLang(opts.lang);
        const destination = packDestination(opts);
        // Validate everything before anything is written, so bad input leaves --out untouched.
        const catalogue = await loadCatalogue();
        const profile = await resolveProfile(catalogue, opts.profile);
        const facts = await loadSnapshot(opts.snapshot);
        const waivers = opts.waivers
          ? { file: opts.waivers, waivers: await loadWaivers(opts.waivers) }
          : undefined;
        const assessments = frameworkList(opts.framework, catalogue.frameworks.keys()).map((framework) =>
          evaluate(facts, catalogue, { framework, profile: profile.id, waivers }),
        );
        for (const a of assessments)
          log(
            `${a.framework.id}: ${a.results.length} requirements, ${a.summary.counts.fail} failed, score ${a.summary.score ?? '–'}%`,
          );
        const code = await renderAll(assessments, {
          ...destination,
          formats,
          lang,
          snapshotDir: opts.snapshot,
        });
        process.exitCode = code ?? exitCodeFor(assessments, !opts.fail);
      },
    );
}
