// `kube-evidence verify PACK`: recomputes every hash of an evidence pack (directory or ZIP); exit 1 on any difference.
import type { Command } from 'commander';
import { verifyPack } from '../../pack/verify.js';
import { ZipRejected } from '../../pack/zip-read.js';
import { EXIT_FAILED_REQUIREMENTS, EXIT_OK } from '../exit-codes.js';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'check an evidence pack (directory or .zip) against its manifest.json: files changed, added or removed',
    )
    .argument('<pack>', 'evidence pack directory or ZIP file')
    .action(async (pack: string) => {
      const out = (line: string) => process.stdout.write(`${line}\n`);
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
      if (report.ok) {
        out(`ok: ${report.manifest.files.length} files match manifest.json`);
        process.exitCode = EXIT_OK;
      } else {
        const problems =
          report.changed.length + report.removed.length + report.added.length + report.refused.length;
        out(
          `FAILED: ${problems} problem(s) against manifest.json (${report.changed.length} changed, ${report.removed.length} removed, ${report.added.length} added, ${report.refused.length} refused)`,
        );
        process.exitCode = EXIT_FAILED_REQUIREMENTS;
      }
    });
}
