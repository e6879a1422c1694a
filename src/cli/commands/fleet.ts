// `kube-evidence fleet …`: many clusters — upload, discover (Resource Graph), scan (kubeconfig contexts), report.
import type { Command } from 'commander';
import { registerFleetDiscover } from './fleet-discover.js';
import { registerFleetReport } from './fleet-report.js';
import { registerFleetScan } from './fleet-scan.js';
import { registerFleetUpload } from './fleet-upload.js';

export function registerFleet(program: Command): void {
  const fleet = program
    .command('fleet')
    .description('many clusters: upload packs, discover AKS clusters, scan contexts, build the fleet report');
  registerFleetDiscover(fleet);
  registerFleetScan(fleet);
  registerFleetReport(fleet);
  registerFleetUpload(fleet);
  for (const command of fleet.commands) command.exitOverride();
}
