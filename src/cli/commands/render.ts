// `kube-evidence render`: assessment.json → PDF, workbook and JSON in an output directory.
import type { Command } from 'commander';
import { readAssessment } from '../../render/json.js';
import { renderAll } from '../../render/render-all.js';
import { packDestination } from '../../pack/destination.js';
import { PackTransaction } from '../../pack/transaction.js';
import { loadSigningKey, SIGN_PASSWORD_ENV } from '../../pack/sign/key.js';
import { exitCodeFor } from '../exit-codes.js';
import { startProgress } from '../progress.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, parseFormats, parseLang, langOption } from '../options.js';

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
    .addOption(langOption())
    .option('--force', 'replace an --out directory that is not a kube-evidence pack')
    .option(
      '--sign <key>',
      `sign manifest.json and the PDF: a PEM RSA key with its certificate, or PKCS#12 (password in ${SIGN_PASSWORD_ENV})`,
    )
    .option('--sign-cert <file>', 'the signer certificate (PEM) when the key file holds none')
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
        force?: boolean;
        sign?: string;
        signCert?: string;
      }) => {
        const formats = parseFormats(opts.format);
        const lang = parseLang(opts.lang);
        const destination = packDestination(opts);
        const inputs = [opts.assessment];
        // A key that cannot sign is found before anything is locked or written.
        const signer = opts.sign ? await loadSigningKey(opts.sign, opts.signCert) : undefined;
        const transaction = await PackTransaction.begin({ ...destination, force: opts.force, inputs });
        const progress = startProgress();
        try {
          const assessment = await readAssessment(opts.assessment);
          const code = await renderAll([assessment], {
            ...destination,
            formats,
            lang,
            transaction,
            signer,
            progress,
          });
          progress.stop();
          process.exitCode = code ?? exitCodeFor([assessment], !opts.fail);
        } catch (error) {
          progress.abandon();
          throw error;
        } finally {
          await transaction.end();
        }
      },
    );
}
