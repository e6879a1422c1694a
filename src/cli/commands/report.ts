// `kube-evidence report`: snapshot → evaluate → render, in one run.
import type { Command } from 'commander';
import type { Assessment } from '../../model/assessment.js';
import { getFramework, loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import { loadWaivers } from '../../evaluate/waiver-file.js';
import { renderAll } from '../../render/render-all.js';
import { frameworkList, packDestination } from '../../pack/destination.js';
import { exitCodeFor } from '../exit-codes.js';
import { log } from '../log.js';
import { evaluateWithProgress, loadWithProgress } from '../evaluate-with-progress.js';
import { startProgress } from '../progress.js';
import { parseFormats, parseLang, langOption, DEFAULT_FRAMEWORK } from '../options.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('evaluate a snapshot and write its evidence pack (PDF, Excel workbook, JSON)')
    .requiredOption('--snapshot <dir>', 'snapshot directory (see docs/snapshot-format.md)')
    .requiredOption(
      '--profile <profile>',
      'provider profile: aks, kubeadm, self-managed, or a profile file that extends one',
    )
    .option('--framework <list>', 'framework id(s), comma-separated, or "all"', DEFAULT_FRAMEWORK)
    .option('--out <dir>', 'evidence pack directory')
    .option('--zip <file>', 'also (or only) write the evidence pack as a ZIP file')
    .option('--format <list>', 'comma-separated formats: pdf, xlsx, json', 'pdf,xlsx,json')
    .addOption(langOption())
    .option('--waivers <file>', 'YAML file of accepted exceptions (see docs/waivers.md)')
    .option('--no-fail', 'exit 0 even when automated requirements fail')
    .option('--quiet', 'no progress on stderr (warnings still show)')
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
        quiet?: boolean;
      }) => {
        const formats = parseFormats(opts.format);
        const lang = parseLang(opts.lang);
        const destination = packDestination(opts);
        // Validate everything before anything is written, so bad input leaves --out untouched.
        const catalogue = await loadCatalogue();
        const profile = await resolveProfile(catalogue, opts.profile);
        const frameworks = frameworkList(opts.framework, catalogue.frameworks.keys());
        for (const id of frameworks) getFramework(catalogue, id);
        const waivers = opts.waivers
          ? { file: opts.waivers, waivers: await loadWaivers(opts.waivers) }
          : undefined;
        const progress = startProgress();
        let assessments: Assessment[];
        let code: number | undefined;
        try {
          const facts = await loadWithProgress(opts.snapshot, progress);
          assessments = evaluateWithProgress(
            facts,
            catalogue,
            frameworks,
            { profile: profile.id, waivers },
            progress,
          );
          for (const a of assessments)
            log(
              `${a.framework.id}: ${a.results.length} requirements, ${a.summary.counts.fail} failed, score ${a.summary.score ?? '–'}%`,
            );
          code = await renderAll(assessments, {
            ...destination,
            formats,
            lang,
            snapshotDir: opts.snapshot,
            progress,
          });
          progress.stop();
        } catch (error) {
          progress.abandon();
          throw error;
        }
        process.exitCode = code ?? exitCodeFor(assessments, !opts.fail);
      },
    );
}
