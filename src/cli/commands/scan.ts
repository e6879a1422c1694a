// `kube-evidence scan`: collect, evaluate and render in one run; the snapshot is kept, hashed, in OUT/snapshot/.
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadCatalogue, resolveProfile } from '../../catalogue/load.js';
import { allFrameworkNames, checkFrameworkName } from '../../catalogue/select-framework.js';
import { collectCluster, summaryLine } from '../../collect/collect-cluster.js';
import { loadWaivers } from '../../evaluate/waiver-file.js';
import { frameworkList } from '../../pack/destination.js';
import { PackTransaction } from '../../pack/transaction.js';
import { CopyWhileLoading } from '../../pack/copy-while-loading.js';
import { SNAPSHOT_DIR } from '../../pack/write-pack.js';
import { loadSigningKey, SIGN_PASSWORD_ENV } from '../../pack/sign/key.js';
import { renderAll } from '../../render/render-all.js';
import { exitCodeFor } from '../exit-codes.js';
import { log, warn } from '../log.js';
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
import { addCollectOptions, collectOptionsFrom, type CollectCliOptions } from './collect.js';
import { uploadOption, uploadWhenAsked } from './fleet-upload.js';

interface ScanCliOptions extends CollectCliOptions {
  out: string;
  profile: string;
  framework: string;
  format: string;
  lang: string;
  fail: boolean;
  force?: boolean;
  sign?: string;
  signCert?: string;
  waivers?: string;
  upload?: string;
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
    .option(
      '--framework <list>',
      'framework id(s) or benchmark id(s) (cis-kubernetes: the version that covers the cluster), comma-separated, or "all"',
      DEFAULT_FRAMEWORK,
    )
    .requiredOption('--out <dir>', 'output directory of the evidence pack')
    .option(
      '--format <list>',
      `comma-separated formats: ${OUTPUT_FORMATS.join(', ')}; or all`,
      DEFAULT_FORMATS,
    )
    .addOption(langOption())
    .option('--waivers <file>', 'YAML file of accepted exceptions (see docs/waivers.md)')
    .option('--force', 'replace an --out directory that is not a kube-evidence pack')
    .option(
      '--sign <key>',
      `sign manifest.json and the PDF: a PEM RSA key with its certificate, or PKCS#12 (password in ${SIGN_PASSWORD_ENV})`,
    )
    .option('--sign-cert <file>', 'the signer certificate (PEM) when the key file holds none')
    .option('--no-fail', 'exit 0 even when automated requirements fail')
    .option(...uploadOption)
    .action(async (opts: ScanCliOptions) => {
      // Everything that can be wrong with the options is found before a long collection starts.
      const formats = parseFormats(opts.format);
      const lang = parseLang(opts.lang);
      const catalogue = await loadCatalogue();
      const profile = await resolveProfile(catalogue, opts.profile);
      const frameworks = frameworkList(opts.framework, allFrameworkNames(catalogue, profile));
      for (const name of frameworks) checkFrameworkName(catalogue, name);
      const waivers = opts.waivers
        ? { file: opts.waivers, waivers: await loadWaivers(opts.waivers) }
        : undefined;
      // The container URL is checked before collecting; nothing is sent until the pack is written.
      const upload = uploadWhenAsked(opts.upload, opts.clusterName);
      const inputs = opts.waivers ? [opts.waivers] : [];
      const target = { outDir: opts.out, force: opts.force, inputs };
      // Locked for the whole run; the cluster is collected into a scratch directory beside --out, and
      // the pack copies it (redacted, hashed) into snapshot/ like any report: the old pack stays until then.
      // A key that cannot sign is found before anything is locked or written.
      const signer = opts.sign ? await loadSigningKey(opts.sign, opts.signCert) : undefined;
      const transaction = await PackTransaction.begin(target);
      let rendered = false;
      try {
        const snapshotDir = transaction.scratch();
        const collection = await collectCluster({
          ...collectOptionsFrom(opts, snapshotDir, 'gap'),
          provider: profile.id,
        });
        warn(summaryLine(collection));

        const progress = startProgress();
        try {
          // Every framework from one load; the facts stay inside this function, so the pack is written without them.
          // The pack's redacted snapshot copy is written into the staging directory while the snapshot is read.
          const copy = new CopyWhileLoading(snapshotDir, join(transaction.staging, SNAPSHOT_DIR));
          const assessments = await (async () => {
            const facts = await loadWithProgress(snapshotDir, progress, copy);
            return evaluateWithProgress(
              facts,
              catalogue,
              frameworks,
              { profile: profile.id, waivers },
              progress,
            );
          })();
          for (const a of assessments)
            log(
              `${a.framework.id}: ${a.results.length} requirements, ${a.summary.counts.fail} failed, score ${a.summary.score ?? '–'}%`,
            );
          const code = await renderAll(assessments, {
            outDir: opts.out,
            formats,
            lang,
            snapshotDir,
            snapshotCopy: copy.files(),
            transaction,
            signer,
            progress,
          });
          progress.stop();
          process.exitCode = code ?? exitCodeFor(assessments, !opts.fail);
          rendered = code === undefined;
        } catch (error) {
          progress.abandon();
          throw error;
        }
      } finally {
        await transaction.end();
      }
      // Once the pack is in place: an upload that fails keeps it and says so (exit 2).
      const uploadCode = rendered ? await upload?.(opts.out) : undefined;
      if (uploadCode !== undefined) process.exitCode = uploadCode;
    });
}
