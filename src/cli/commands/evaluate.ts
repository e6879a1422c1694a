// `kube-evidence evaluate`: snapshot → assessment.json.
import type { Command } from 'commander';
import { checkFrameworkName } from '../../catalogue/select-framework.js';
import { loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import type { Assessment } from '../../model/assessment.js';
import { loadWaivers } from '../../evaluate/waiver-file.js';
import { writeAssessment } from '../../render/json.js';
import { exitCodeFor } from '../exit-codes.js';
import { log } from '../log.js';
import { evaluateWithProgress, loadWithProgress } from '../evaluate-with-progress.js';
import { startProgress } from '../progress.js';
import { DEFAULT_FRAMEWORK } from '../options.js';

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('evaluate a snapshot against a framework under a provider profile, writing assessment.json')
    .requiredOption('--snapshot <dir>', 'snapshot directory (see docs/snapshot-format.md)')
    .requiredOption(
      '--profile <profile>',
      'provider profile: aks, kubeadm, self-managed, or a profile file that extends one',
    )
    .option(
      '--framework <framework>',
      'framework id (cis-kubernetes-1.12.0) or benchmark id (cis-kubernetes: the version that covers the cluster)',
      DEFAULT_FRAMEWORK,
    )
    .requiredOption('--out <file>', 'where to write assessment.json')
    .option('--waivers <file>', 'YAML file of accepted exceptions (see docs/waivers.md)')
    .option('--no-fail', 'exit 0 even when automated requirements fail')
    .option('--quiet', 'no progress on stderr (warnings still show)')
    .action(
      async (opts: {
        snapshot: string;
        profile: string;
        framework: string;
        out: string;
        fail: boolean;
        waivers?: string;
      }) => {
        const catalogue = await loadCatalogue();
        const profile = await resolveProfile(catalogue, opts.profile);
        checkFrameworkName(catalogue, opts.framework);
        const waivers = opts.waivers
          ? { file: opts.waivers, waivers: await loadWaivers(opts.waivers) }
          : undefined;
        const progress = startProgress();
        let assessment: Assessment;
        try {
          const facts = await loadWithProgress(opts.snapshot, progress);
          [assessment] = evaluateWithProgress(
            facts,
            catalogue,
            [opts.framework],
            { profile: profile.id, waivers },
            progress,
          ) as [Assessment];
          progress.stop();
        } catch (error) {
          progress.abandon();
          throw error;
        }
        await writeAssessment(assessment, opts.out);
        log(`wrote ${opts.out} (${assessment.results.length} requirements)`);
        process.exitCode = exitCodeFor([assessment], !opts.fail);
      },
    );
}
