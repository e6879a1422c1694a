// In-cluster Kubernetes access: the pod's service account token and CA at the standard paths (client-node's loadFromCluster).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '../util/errors.js';

/** Where Kubernetes mounts the service account inside every pod. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * A directory prefixed to SERVICE_ACCOUNT_DIR: tests (and unusual mounts) place a fake token and CA under it.
 * Empty in a real pod.
 */
export const IN_CLUSTER_ROOT_ENV = 'KUBE_EVIDENCE_IN_CLUSTER_ROOT';

/** The kubeconfig a pod gets from its environment; refuses clearly when it is not running in a cluster. */
export function loadInClusterConfig(root = process.env[IN_CLUSTER_ROOT_ENV] ?? ''): KubeConfig {
  const host = process.env.KUBERNETES_SERVICE_HOST;
  const port = process.env.KUBERNETES_SERVICE_PORT;
  if (!host || !port)
    throw InputError.at(
      undefined,
      '--in-cluster',
      'expected KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT (set by Kubernetes in every pod): is this running inside a cluster?',
    );
  const dir = join(root || '/', SERVICE_ACCOUNT_DIR);
  for (const file of ['token', 'ca.crt']) {
    if (!existsSync(join(dir, file)))
      throw InputError.at(
        join(dir, file),
        '--in-cluster',
        'not found: expected the pod service account to be mounted (automountServiceAccountToken: true)',
      );
  }
  const config = new KubeConfig();
  // client-node joins the prefix as a string: "" in a pod, a test directory otherwise.
  config.loadFromCluster(root.replace(/\/+$/, ''));
  return config;
}
