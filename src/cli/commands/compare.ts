// `kube-evidence compare A B [C …]`: assessments side by side, classed against the first (the baseline).
import type { Command } from 'commander';
import { compareAssessments } from '../../compare/compare.js';
import type { Comparison } from '../../compare/model.js';
import { loadFrameworkMap } from '../../compare/framework-map.js';
import { builtInFrameworkMaps } from '../../compare/version-maps.js';
import { resolveAssessments } from '../../compare/inputs.js';
import { renderComparison } from '../../render/compare-render.js';
import { EXIT_FAILED_REQUIREMENTS, EXIT_OK } from '../exit-codes.js';
import { log } from '../log.js';
import { COMPARE_FORMATS, parseFormats, parseLang, langOption } from '../options.js';

interface CompareOptions {
  out: string;
  format: string;
  lang: string;
  framework?: string;
  frameworkMap: string[];
  failOnRegression?: boolean;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(
      'compare two or more assessments (AKS against on-premises, or one cluster over time), the first as the baseline',
    )
    .argument('<assessments...>', 'assessment.json files or pack directories; the first is the baseline')
    .requiredOption('--out <dir>', 'output directory')
    .option('--format <list>', 'comma-separated formats: pdf, xlsx, json; or all', 'pdf,xlsx,json')
    .addOption(langOption())
    .option(
      '--framework <id>',
      'framework to pick from packs that hold one subdirectory per framework (a benchmark id such as cis-kubernetes picks the version each pack holds)',
    )
    .option(
      '--framework-map <file>',
      'YAML/JSON file saying how two frameworks’ requirements correspond (repeatable)',
      (value: string, list: string[]) => [...list, value],
      [],
    )
    .option(
      '--fail-on-regression',
      'exit 1 when a later scan of the same cluster regressed on any requirement (a worse status or a new offending object)',
    )
    .action(async (args: string[], opts: CompareOptions) => {
      const formats = parseFormats(opts.format, COMPARE_FORMATS);
      const lang = parseLang(opts.lang);
      // Read and check every input before anything is written, so bad input leaves --out untouched.
      // The user's maps first: they win over the built-in maps between versions of one benchmark.
      const maps = [
        ...(await Promise.all(opts.frameworkMap.map((file) => loadFrameworkMap(file)))),
        ...(await builtInFrameworkMaps()),
      ];
      const inputs = await resolveAssessments(args, opts.framework);
      const comparison = compareAssessments(inputs, { maps });
      for (const { side, counts } of comparison.summary.classCounts) {
        const name = comparison.sides[side]!.cluster.name;
        log(
          `${comparison.sides[0]!.cluster.name} → ${name}: ${Object.entries(counts)
            .filter(([, n]) => n > 0)
            .map(([c, n]) => `${n} ${c}`)
            .join(', ')}`,
        );
      }
      await renderComparison(comparison, { outDir: opts.out, formats, lang });
      // Checked after writing, so a gated pipeline still gets the report that explains the failure.
      const regressed = regressedRequirements(comparison);
      if (regressed.length > 0)
        log(
          `${regressed.length} regressed: ${regressed.slice(0, 10).join(', ')}${regressed.length > 10 ? ', …' : ''}`,
        );
      process.exitCode = opts.failOnRegression && regressed.length > 0 ? EXIT_FAILED_REQUIREMENTS : EXIT_OK;
    });
}

/** Baseline requirement ids that some later scan of the same cluster classes as a regression. */
function regressedRequirements(comparison: Comparison): string[] {
  return comparison.rows
    .filter((row) => row.differences.some((d) => d.class === 'regression'))
    .map((row) => row.key);
}
