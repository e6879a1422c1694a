// `--upload URL` for scan, and `kube-evidence fleet upload`: a written pack to a Blob container under <cluster id>/<timestamp>/.
import type { Command } from 'commander';
import { displayUrl, openContainer } from '../../fleet/blob-container.js';
import { checkClusterId } from '../../fleet/pack-path.js';
import { UploadError, uploadPack } from '../../fleet/upload.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { log, warn } from '../log.js';

export const uploadOption = [
  '--upload <container-url>',
  'after writing, upload the pack to this Azure Blob container (https://ACCOUNT.blob.core.windows.net/CONTAINER, or a SAS URL)',
] as const;

/**
 * Checks the URL and cluster id now; returns the step that uploads a written pack and gives an exit code
 * (EXIT_USAGE when the store refused: the pack stays on disk), or undefined when --upload was not given.
 */
export function uploadWhenAsked(
  url: string | undefined,
  clusterId: string | undefined,
  clusterIdOption = '--cluster-name',
): ((packDir: string) => Promise<number | undefined>) | undefined {
  if (!url) return undefined;
  const container = openContainer(url, clusterIdOption === '--cluster-id' ? '--to' : '--upload');
  if (clusterId) checkClusterId(clusterId, clusterIdOption);
  return async (packDir) => {
    try {
      const result = await uploadPack(packDir, container, {
        clusterId,
        onFile: (name) => log(`uploaded ${name}`),
      });
      log(
        `uploaded ${result.files} files (${result.bytes} bytes) to ${displayUrl(url)} under ${result.prefix}`,
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      warn(`kube-evidence: ${error.message}; the pack is kept in ${packDir}`);
      return EXIT_USAGE;
    }
  };
}

export function registerFleetUpload(fleet: Command): void {
  fleet
    .command('upload')
    .description('upload a written evidence pack to an Azure Blob container under <cluster id>/<timestamp>/')
    .requiredOption('--pack <dir>', 'evidence pack directory (with manifest.json)')
    .requiredOption('--to <container-url>', 'https://ACCOUNT.blob.core.windows.net/CONTAINER, or a SAS URL')
    .option(
      '--cluster-id <id>',
      "folder name of the cluster in the container (default: the pack's cluster name)",
    )
    .action(async (opts: { pack: string; to: string; clusterId?: string }) => {
      const upload = uploadWhenAsked(opts.to, opts.clusterId, '--cluster-id')!;
      process.exitCode = (await upload(opts.pack)) ?? 0;
    });
}
