// A fake pod environment for a local API server: service account token, CA and namespace under a temp root, plus the KUBERNETES_SERVICE_* variables.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IN_CLUSTER_ROOT_ENV, SERVICE_ACCOUNT_DIR } from '../../src/fleet/in-cluster.js';

export interface InClusterEnv {
  root: string;
  /** Sets the variables a pod would see; call the returned function to restore the previous ones. */
  enter(): () => void;
}

export async function fakeInCluster(
  root: string,
  server: { url: string; ca: string },
  token = 'test-token',
): Promise<InClusterEnv> {
  const dir = join(root, SERVICE_ACCOUNT_DIR);
  await mkdir(dir, { recursive: true });
  // Kubernetes writes the projected token without a trailing newline.
  await writeFile(join(dir, 'token'), token);
  await writeFile(join(dir, 'ca.crt'), server.ca);
  await writeFile(join(dir, 'namespace'), 'kube-evidence');
  const { hostname, port } = new URL(server.url);
  return {
    root,
    enter() {
      const names = ['KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', IN_CLUSTER_ROOT_ENV];
      const before = names.map((name) => process.env[name]);
      process.env.KUBERNETES_SERVICE_HOST = hostname;
      process.env.KUBERNETES_SERVICE_PORT = port;
      process.env[IN_CLUSTER_ROOT_ENV] = root;
      return () =>
        names.forEach((name, i) => {
          if (before[i] === undefined) delete process.env[name];
          else process.env[name] = before[i];
        });
    },
  };
}
