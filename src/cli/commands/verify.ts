// `kube-evidence verify PACK`: recomputes every hash of an evidence pack (directory or ZIP); exit 1 on any difference.
import type { Command } from 'commander';
import { verifyPack } from '../../pack/verify.js';
import { ZipRejected } from '../../pack/zip-read.js';
import { checkAuthenticity } from '../../pack/sign/check-pack.js';
import { loadTrust } from '../../pack/sign/trust.js';
import { EXIT_FAILED_REQUIREMENTS, EXIT_OK } from '../exit-codes.js';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'check an evidence pack (directory or .zip) against its manifest.json: files changed, added or removed',
    )
    .argument('<pack>', 'evidence pack directory or ZIP file')
    .option(
      '--trust <file>',
      'PEM certificates or public keys to trust: the pack must be signed by one of them (or a certificate they issued)',
    )
    .action(async (pack: string, opts: { trust?: string }) => {
      const out = (line: string) => process.stdout.write(`${line}\n`);
      const trust = opts.trust ? await loadTrust(opts.trust) : undefined;
      let report;
      try {
        report = await verifyPack(pack);
      } catch (error) {
        // A ZIP that is not strictly one well-formed pack (duplicates, gaps, trailing bytes, a bomb) fails.
        if (!(error instanceof ZipRejected)) throw error;
        out(`FAILED: ${error.message}`);
        process.exitCode = EXIT_FAILED_REQUIREMENTS;
        return;
      }
      for (const path of report.changed) out(`changed: ${path}`);
      for (const path of report.removed) out(`removed: ${path}`);
      for (const path of report.added) out(`added: ${path}`);
      for (const line of report.refused) out(`refused: ${line}`);
      out(`manifest.json sha256: ${report.manifestSha256}`);
      const authenticity = checkAuthenticity(
        {
          manifestText: report.manifestText,
          createdAt: report.manifest.createdAt,
          signature: report.signature,
          pdfs: report.pdfs,
        },
        trust,
      );
      const signed = `manifest.json and ${authenticity.pdfsChecked} PDF(s)`;
      if (authenticity.verdict === 'unsigned')
        out(
          'integrity only, not authenticity: the pack is not signed (anyone who edits it can recompute the hashes)',
        );
      else if (authenticity.verdict === 'signed-unchecked')
        out(
          `signed by ${authenticity.signer} (${signed}); not checked against a trusted certificate: add --trust CERT`,
        );
      else if (authenticity.verdict === 'trusted')
        out(`authentic: signed by ${authenticity.signer} (${signed}), trusted`);
      if (report.ok && authenticity.verdict !== 'failed') {
        out(`ok: ${report.manifest.files.length} files match manifest.json`);
        process.exitCode = EXIT_OK;
      } else if (!report.ok) {
        const problems =
          report.changed.length + report.removed.length + report.added.length + report.refused.length;
        out(
          `FAILED: ${problems} problem(s) against manifest.json (${report.changed.length} changed, ${report.removed.length} removed, ${report.added.length} added, ${report.refused.length} refused)`,
        );
        process.exitCode = EXIT_FAILED_REQUIREMENTS;
      } else {
        const more =
          authenticity.problems.length > 1 ? ` (and ${authenticity.problems.length - 1} more)` : '';
        out(`FAILED: authenticity: ${authenticity.problems[0]}${more}`);
        process.exitCode = EXIT_FAILED_REQUIREMENTS;
      }
    });
}
