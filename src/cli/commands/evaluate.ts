// `kube-evidence evaluate`: snapshot → assessment.json.
import type { Command } from 'commander';
import { loadCatalogue } from '../../catalogue/load.js';
import { loadSnapshot } from '../../collect/snapshot.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { writeAssessment } from '../../render/json.js';
import { exitCodeFor } from '../exit-codes.js';
import { log } from '../log.js';

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('evaluate a snapshot against a framework under a provider profile, writing assessment.json')
    .requiredOption('--snapshot <dir>', 'snapshot directory (see docs/snapshot-format.md)')
    .requiredOption('--profile <profile>', 'provider profile: aks, kubeadm or self-managed')
    .requiredOption('--framework <framework>', 'framework id, e.g. cis-kubernetes-1.11.1')
    .requiredOption('--out <file>', 'where to write assessment.json')
    .option('--no-fail', 'exit 0 even when automated requirements fail')
    .action(async (opts: { snapshot: string; profile: string; framework: string; out: string; fail: boolean }) => {
      const catalogue = await loadCatalogue();
      const facts = await loadSnapshot(opts.snapshot);
      const assessment = evaluate(facts, catalogue, { framework: opts.framework, profile: opts.profile });
      await writeAssessment(assessment, opts.out);
      log(`wrote ${opts.out} (${assessment.results.length} requirements)`);
      process.exitCode = exitCodeFor([assessment], !opts.fail);
    });
}
