// `kube-evidence render`: assessment.json → PDF, workbook and JSON in an output directory.
import type { Command } from 'commander';
import { readAssessment } from '../../render/json.js';
import { renderAll } from '../../render/render-all.js';
import { packDestination } from '../../pack/destination.js';
import { exitCodeFor } from '../exit-codes.js';
import { startProgress } from '../progress.js';
import { parseFormats, parseLang, langOption } from '../options.js';

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('render an assessment.json into an evidence pack (PDF, Excel workbook, JSON)')
    .requiredOption('--assessment <file>', 'assessment.json written by `evaluate`')
    .option('--out <dir>', 'evidence pack directory')
    .option('--zip <file>', 'also (or only) write the evidence pack as a ZIP file')
    .option('--format <list>', 'comma-separated formats: pdf, xlsx, json', 'pdf,xlsx,json')
    .addOption(langOption())
    .option('--no-fail', 'exit 0 even when automated requirements fail')
    .option('--quiet', 'no progress on stderr (warnings still show)')
    .action(
      async (opts: {
        assessment: string;
        out?: string;
        zip?: string;
        format: string;
        lang: string;
        fail: boolean;
      }) => {
        const formats = parseFormats(opts.format);
        const lang = parseLang(opts.lang);
        const destination = packDestination(opts);
        const assessment = await readAssessment(opts.assessment);
        const progress = startProgress();
        const code = await renderAll([assessment], { ...destination, formats, lang, progress }).then(
          (result) => (progress.stop(), result),
          (error: unknown) => {
            progress.abandon();
            throw error;
          },
        );
        process.exitCode = code ?? exitCodeFor([assessment], !opts.fail);
      },
    );
}
