// `kube-evidence attest`: the auditor's verdicts from a reviewed workbook, written into the pack (new transaction, re-hashed, re-signed).
import type { Command } from 'commander';
import { attestPack, DEFAULT_VALIDITY_DAYS } from '../../pack/attest/attest.js';
import { loadSigningKey, SIGN_PASSWORD_ENV } from '../../pack/sign/key.js';
import { InputError } from '../../util/errors.js';
import { log, warn } from '../log.js';

export function registerAttest(program: Command): void {
  program
    .command('attest')
    .description(
      "write the auditor's verdicts (verdict, reviewer, review date, comment on the workbook's Results sheet) into the evidence pack: assessment.json, the PDF's reviewed-by column and attestation page, manifest.json re-hashed",
    )
    .requiredOption('--pack <dir>', 'evidence pack directory the workbook was made from')
    .requiredOption('--workbook <file>', "the auditor's reviewed copy of the pack's report.xlsx")
    .option(
      '--valid-days <n>',
      `days after its review date a verdict carries into later runs (report --attestations)`,
      String(DEFAULT_VALIDITY_DAYS),
    )
    .option(
      '--sign <key>',
      `sign manifest.json and the PDF again: a PEM RSA key with its certificate, or PKCS#12 (password in ${SIGN_PASSWORD_ENV})`,
    )
    .option('--sign-cert <file>', 'the signer certificate (PEM) when the key file holds none')
    .option('--quiet', 'no progress on stderr (warnings still show)')
    .action(
      async (opts: {
        pack: string;
        workbook: string;
        validDays: string;
        sign?: string;
        signCert?: string;
      }) => {
        const days = Number(opts.validDays);
        if (!Number.isInteger(days) || days < 1 || days > 3660)
          throw InputError.at(
            undefined,
            '--valid-days',
            `expected a whole number of days from 1 to 3660, got "${opts.validDays}"`,
          );
        const signer = opts.sign ? await loadSigningKey(opts.sign, opts.signCert) : undefined;
        const result = await attestPack({
          pack: opts.pack,
          workbook: opts.workbook,
          signer,
          validityDays: days,
          onFile: (path) => log(`wrote ${path}`),
        });
        log(
          `${result.framework}: ${result.reviews} verdict(s) from ${opts.workbook} written into ${opts.pack}; document ${result.reviewedDocumentId.slice(0, 16)}… is now ${result.documentId.slice(0, 16)}…`,
        );
        if (result.signed) log('manifest.json and the PDF signed again');
        if (result.signatureRemoved)
          warn(
            `kube-evidence: the pack was signed; its old signature (manifest.jws) no longer covers the changed pack and was removed: run attest again with --sign to sign it`,
          );
      },
    );
}
