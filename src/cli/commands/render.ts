// `kube-evidence render`: assessment.json → PDF, workbook and JSON in an output directory.
import type { Command } from 'commander';
import { readAssessment } from '../../render/json.js';
import { renderAll } from '../../render/render-all.js';
import { packDestination } from '../../pack/destination.js';
import { exitCodeFor } from '../exit-codes.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, parseFormats, parseLang } from '../options.js';

export function registerRender(program: Command): void {
  program
    .command('render')
    .description(
      'render an assessment.json into an evidence pack (PDF, Excel workbook, JSON, and on request OSCAL, SARIF, JUnit, CSV, HTML)',
    )
    .requiredOption('--assessment <file>', 'assessment.json written by `evaluate`')
    .option('--out <dir>', 'evidence pack directory')
    .option('--zip <file>', 'also (or only) write the evidence pack as a ZIP file')
    .option(
      '--format <list>',
      `comma-separated formats: ${OUTPUT_FORMATS.join(', ')}; or all`,
      DEFAULT_FORMATS,
    )
    .option('--lang <lang>', 'report language: zh or en', 'zh')
    .option('--no-fail', 'exit 0 even when automated requirements fail')
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
        const code = await renderAll([assessment], { ...destination, formats, lang });
        process.exitCode = code ?? exitCodeFor([assessment], !opts.fail);
      },
    );
}
