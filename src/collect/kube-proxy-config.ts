// Reads kube-proxy's configuration from the kube-system/kube-proxy ConfigMap (kubeadm keeps it there) — that one object only.
import { join } from 'node:path';
import type { FactGap, KubeObject } from '../model/facts.js';
import { errorMessage } from '../util/errors.js';
import { isRecord, writeFileAtomic } from '../util/fs.js';
import { gapFrom } from './gaps.js';
import { KubeApiError, type KubeHttp } from './kube-http.js';

export const KUBE_PROXY_CONFIGMAP_PATH = '/api/v1/namespaces/kube-system/configmaps/kube-proxy';

/**
 * ConfigMaps can hold anything, so the collector lists none of them: it gets this single object, keeps only its
 * `config.conf` key (the KubeProxyConfiguration the CIS 4.3.1 check reads), and writes it as
 * kubernetes/kube-system-kube-proxy.json. A 404 means the cluster keeps kube-proxy's configuration elsewhere.
 */
export async function collectKubeProxyConfig(
  http: KubeHttp,
  dir: string,
  gaps: FactGap[],
  progress: (line: string) => void,
): Promise<boolean> {
  try {
    const body = await http.getJson(KUBE_PROXY_CONFIGMAP_PATH);
    const data = isRecord(body) && isRecord(body.data) ? body.data : {};
    const config = typeof data['config.conf'] === 'string' ? data['config.conf'] : undefined;
    const metadata = isRecord(body) && isRecord(body.metadata) ? body.metadata : {};
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'kube-proxy',
        namespace: 'kube-system',
        ...(typeof metadata.creationTimestamp === 'string'
          ? { creationTimestamp: metadata.creationTimestamp }
          : {}),
      },
      data: config === undefined ? {} : { 'config.conf': config },
    };
    await writeFileAtomic(join(dir, 'kube-system-kube-proxy.json'), `${JSON.stringify(object, null, 2)}\n`);
    progress('  kube-proxy configuration (configmap kube-system/kube-proxy): collected');
    return true;
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 404) return false;
    gaps.push(gapFrom('kubernetes:ConfigMap:kube-system/kube-proxy', error));
    progress(`  kube-proxy configuration: not collected (${errorMessage(error)})`);
    return false;
  }
}
