// `kube-evidence report`: snapshot → evaluate → render, in one run.
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import { loadWaivers } from '../../evaluate/waiver-file.js';
import { carryReviews, loadReviewSources } from '../../evaluate/carry-reviews.js';
import { renderAll } from '../../render/render-all.js';
import { allFrameworkNames, checkFrameworkName } from '../../catalogue/select-framework.js';
import { frameworkList, packDestination } from '../../pack/destination.js';
import { PackTransaction } from '../../pack/transaction.js';
import { CopyWhileLoading } from '../../pack/copy-while-loading.js';
import { SNAPSHOT_DIR } from '../../pack/write-pack.js';
import { loadSigningKey, SIGN_PASSWORD_ENV } from '../../pack/sign/key.js';
import { exitCodeFor } from '../exit-codes.js';
import { log } from '../log.js';
import { evaluateWithProgress, loadWithProgress } from '../evaluate-with-progress.js';
import { startProgress } from '../progress.js';
import {
  DEFAULT_FORMATS,
  OUTPUT_FORMATS,
  parseFormats,
  parseLang,
  langOption,
  DEFAULT_FRAMEWORK,
} from '../options.js';

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
    .option(
      '--framework <list>',
      'framework id(s) or benchmark id(s) (cis-kubernetes: the version that covers the cluster), comma-separated, or "all"',
      DEFAULT_FRAMEWORK,
    )
    .option('--out <dir>', 'evidence pack directory')
    .option('--zip <file>', 'also (or only) write the evidence pack as a ZIP file')
    .option(
      '--format <list>',
      `comma-separated formats: ${OUTPUT_FORMATS.join(', ')}; or all`,
      DEFAULT_FORMATS,
    )
    .addOption(langOption())
    .option('--waivers <file>', 'YAML file of accepted exceptions (see docs/waivers.md)')
    .option(
      '--attestations <list>',
      "earlier attested packs (or their assessment.json) of this cluster, comma-separated: the auditor's unexpired verdicts on requirements still manual carry over",
    )
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
        snapshot: string;
        profile: string;
        framework: string;
        out?: string;
        zip?: string;
        format: string;
        lang: string;
        fail: boolean;
        force?: boolean;
        sign?: string;
        signCert?: string;
        waivers?: string;
        attestations?: string;
        quiet?: boolean;
      }) => {
        const formats = parseFormats(opts.format);
        const lang = parseLang(opts.lang);
        const destination = packDestination(opts);
        // The pack replaces --out whole: an input inside it (or --out inside an input) is refused, and the
        // destination locked, before anything is read or written.
        const attestations = (opts.attestations ?? '')
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        const inputs = [opts.snapshot, ...(opts.waivers ? [opts.waivers] : []), ...attestations];
        // A key that cannot sign is found before anything is locked or written.
        const signer = opts.sign ? await loadSigningKey(opts.sign, opts.signCert) : undefined;
        const transaction = await PackTransaction.begin({ ...destination, force: opts.force, inputs });
        const progress = startProgress();
        try {
          // Validate everything before anything is written, so bad input leaves --out untouched.
          const catalogue = await loadCatalogue();
          const profile = await resolveProfile(catalogue, opts.profile);
          const names = frameworkList(opts.framework, allFrameworkNames(catalogue, profile));
          for (const name of names) checkFrameworkName(catalogue, name);
          const waivers = opts.waivers
            ? { file: opts.waivers, waivers: await loadWaivers(opts.waivers) }
            : undefined;
          // Every framework is evaluated from one load. The facts stay inside this function, so the pack is
          // written without them: at 150,000 pods they are most of the memory.
          // The pack's redacted snapshot copy is written into the staging directory while the snapshot is read.
          const copy = new CopyWhileLoading(opts.snapshot, join(transaction.staging, SNAPSHOT_DIR));
          const assessments = await (async () => {
            const facts = await loadWithProgress(opts.snapshot, progress, copy);
            return evaluateWithProgress(facts, catalogue, names, { profile: profile.id, waivers }, progress);
          })();
          const sources = await loadReviewSources(attestations);
          for (const a of assessments) {
            const carried = attestations.length > 0 ? carryReviews(a, sources) : 0;
            if (attestations.length > 0)
              log(`${a.framework.id}: ${carried} auditor verdict(s) carried from earlier packs`);
          }
          for (const a of assessments)
            log(
              `${a.framework.id}: ${a.results.length} requirements, ${a.summary.counts.fail} failed, score ${a.summary.score ?? '–'}%`,
            );
          const code = await renderAll(assessments, {
            ...destination,
            formats,
            lang,
            snapshotDir: opts.snapshot,
            snapshotCopy: copy.files(),
            transaction,
            signer,
            progress,
          });
          progress.stop();
          process.exitCode = code ?? exitCodeFor(assessments, !opts.fail);
        } catch (error) {
          progress.abandon();
          throw error;
        } finally {
          await transaction.end();
        }
      },
    );
}
