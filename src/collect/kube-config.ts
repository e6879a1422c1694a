// Finds the kubeconfig (--kubeconfig, KUBECONFIG, ~/.kube/config or in-cluster) and refuses client-node's silent localhost fallback.
import { existsSync } from 'node:fs';
import { KubeConfig, type Cluster } from '@kubernetes/client-node';
import { InputError, errorMessage } from '../util/errors.js';
import { scrubText } from '../util/scrub.js';

export interface KubeConfigOptions {
  /** Path to a kubeconfig file; otherwise KUBECONFIG, ~/.kube/config, then the in-cluster service account. */
  kubeconfig?: string;
  context?: string;
}

export interface LoadedKubeConfig {
  config: KubeConfig;
  cluster: Cluster;
  /** The context in use, for messages and the default cluster name. */
  context: string;
}

// What loadFromDefault() puts in place when it finds nothing at all.
const FALLBACK_SERVER = 'http://localhost:8080';
const FALLBACK_CONTEXT = 'loaded-context';

export function loadKubeConfig(options: KubeConfigOptions): LoadedKubeConfig {
  const config = new KubeConfig();
  const from = options.kubeconfig ?? (process.env.KUBECONFIG ? 'KUBECONFIG' : 'the default kubeconfig');
  try {
    if (options.kubeconfig) {
      if (!existsSync(options.kubeconfig))
        throw InputError.at(options.kubeconfig, undefined, 'kubeconfig file not found');
      config.loadFromFile(options.kubeconfig);
    } else {
      config.loadFromDefault();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw InputError.at(
      options.kubeconfig ?? from,
      undefined,
      `cannot read the kubeconfig (${scrubText(errorMessage(error).split('\n')[0] ?? '').slice(0, 200)})`,
    );
  }
  if (
    config.getCurrentContext() === FALLBACK_CONTEXT &&
    config.getCurrentCluster()?.server === FALLBACK_SERVER
  ) {
    throw new InputError(
      'no kubeconfig found: pass --kubeconfig FILE, set KUBECONFIG, create ~/.kube/config (e.g. az aks get-credentials), or run inside a cluster with a service account',
    );
  }
  if (options.context) {
    if (!config.getContextObject(options.context)) {
      const known = config.getContexts().map((c) => c.name);
      throw InputError.at(
        options.kubeconfig ?? from,
        '--context',
        `no context "${options.context}"; expected one of ${known.join(', ') || '(none)'}`,
      );
    }
    config.setCurrentContext(options.context);
  }
  const cluster = config.getCurrentCluster();
  if (!cluster)
    throw InputError.at(
      options.kubeconfig ?? from,
      'current-context',
      'expected a current context that names a cluster (or pass --context)',
    );
  return { config, cluster, context: config.getCurrentContext() };
}
