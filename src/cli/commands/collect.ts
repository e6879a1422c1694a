// `kube-evidence collect`: Kubernetes API (and Azure ARM when a cluster is named) → snapshot directory.
import type { Command } from 'commander';
import type { AzureCloud } from '../../collect/azure-arm.js';
import { collectCluster, summaryLine, type CollectOptions } from '../../collect/collect-cluster.js';
import type { NodeSelection } from '../../collect/kube-configz.js';
import { DEFAULT_LIST_BOUNDS } from '../../collect/page-guard.js';
import { InputError } from '../../util/errors.js';
import { log, setQuiet, warn } from '../log.js';

export interface CollectCliOptions {
  kubeconfig?: string;
  context?: string;
  subscription?: string;
  resourceGroup?: string;
  cluster?: string;
  azureCloud?: string;
  nodes: string;
  pageSize: string;
  maxListPages: string;
  maxListObjects: string;
  timeout: string;
  quiet?: boolean;
}

/** The collection options, shared with `scan`. */
export function addCollectOptions(command: Command): Command {
  return command
    .option(
      '--kubeconfig <file>',
      'kubeconfig file (default: KUBECONFIG, ~/.kube/config, or the in-cluster service account)',
    )
    .option('--context <name>', 'kubeconfig context to use (default: the current context)')
    .option(
      '--subscription <id>',
      'Azure subscription of the AKS cluster (with --resource-group and --cluster)',
    )
    .option('--resource-group <name>', 'Azure resource group of the AKS cluster')
    .option('--cluster <name>', 'AKS cluster name')
    .option('--azure-cloud <cloud>', 'Azure cloud: public, china or usgov', 'public')
    .option('--nodes <which>', 'kubelet configz from all nodes, the first N nodes, or none', 'all')
    .option('--page-size <n>', 'objects per list request', '500')
    .option(
      '--max-list-pages <n>',
      'most pages read for one kind; a longer list is recorded as incomplete',
      String(DEFAULT_LIST_BOUNDS.maxPages),
    )
    .option(
      '--max-list-objects <n>',
      'most objects read for one kind; a longer list is recorded as incomplete',
      String(DEFAULT_LIST_BOUNDS.maxObjects),
    )
    .option(
      '--timeout <seconds>',
      'limit on each whole request, answer included (timeouts, 429 and 5xx are retried)',
      '60',
    )
    .option('--quiet', 'no progress lines on stderr');
}

const CLOUDS: Record<string, AzureCloud> = {
  public: 'AZURE_PUBLIC_CLOUD',
  china: 'AZURE_CHINA_CLOUD',
  usgov: 'AZURE_US_GOVERNMENT',
};

/** Validates the options and turns them into library options (everything checked before anything is read). */
export function collectOptionsFrom(
  opts: CollectCliOptions,
  outDir: string,
  onAzureFailure: CollectOptions['onAzureFailure'],
): CollectOptions {
  setQuiet(Boolean(opts.quiet));
  const azureParts = {
    '--subscription': opts.subscription,
    '--resource-group': opts.resourceGroup,
    '--cluster': opts.cluster,
  };
  const given = Object.entries(azureParts).filter(([, v]) => v);
  if (given.length > 0 && given.length < 3) {
    const missing = Object.entries(azureParts)
      .filter(([, v]) => !v)
      .map(([k]) => k);
    throw InputError.at(
      undefined,
      missing.join(', '),
      'needed too: an AKS cluster is named by --subscription, --resource-group and --cluster together',
    );
  }
  const cloud = CLOUDS[opts.azureCloud ?? 'public'];
  if (!cloud)
    throw InputError.at(
      undefined,
      '--azure-cloud',
      `"${opts.azureCloud}" is not one of ${Object.keys(CLOUDS).join(', ')}`,
    );
  return {
    outDir,
    onAzureFailure,
    progress: log,
    kubernetes: {
      kubeconfig: opts.kubeconfig,
      context: opts.context,
      nodes: parseNodes(opts.nodes),
      pageSize: positiveInteger(opts.pageSize, '--page-size'),
      listBounds: {
        maxPages: positiveInteger(opts.maxListPages, '--max-list-pages'),
        maxObjects: positiveInteger(opts.maxListObjects, '--max-list-objects'),
      },
      timeoutMs: positiveInteger(opts.timeout, '--timeout') * 1000,
    },
    azure:
      given.length === 3
        ? {
            subscriptionId: opts.subscription!,
            resourceGroup: opts.resourceGroup!,
            clusterName: opts.cluster!,
            timeoutMs: positiveInteger(opts.timeout, '--timeout') * 1000,
            ...(cloud === 'AZURE_PUBLIC_CLOUD' ? {} : { cloud }),
          }
        : undefined,
  };
}

export function registerCollect(program: Command): void {
  addCollectOptions(
    program
      .command('collect')
      .description('collect a snapshot from the Kubernetes API (and Azure ARM for AKS) into a directory'),
  )
    .requiredOption(
      '--out <dir>',
      'snapshot directory to write (new, empty, or an earlier snapshot to replace)',
    )
    .action(async (opts: CollectCliOptions & { out: string }) => {
      const result = await collectCluster(collectOptionsFrom(opts, opts.out, 'fail'));
      log(`wrote ${opts.out}`);
      // The summary is shown even with --quiet: it says what could not be collected.
      warn(summaryLine(result));
    });
}

function parseNodes(value: string): NodeSelection {
  if (value === 'all' || value === 'none') return value;
  if (/^\d+$/.test(value)) return Number(value);
  throw InputError.at(undefined, '--nodes', `"${value}" is not all, none or a number of nodes`);
}

function positiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0)
    throw InputError.at(undefined, option, `"${value}" is not a positive whole number`);
  return number;
}
