// The AKS node collector: the DaemonSet runs collect-node read-only with the aks paths, and azure.json is stat'ed, never read.
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { profilePaths } from '../../src/collect/node/node-paths.js';

interface Container {
  name: string;
  args?: string[];
  securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean };
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
}

describe('deploy/node-collector-aks-daemonset.yaml', async () => {
  const docs = parseAllDocuments(await readFile('deploy/node-collector-aks-daemonset.yaml', 'utf8')).map(
    (d) => d.toJS() as { kind: string; spec?: { template: { spec: Record<string, unknown> } } },
  );
  const daemonSet = docs.find((d) => d.kind === 'DaemonSet')!;
  const pod = daemonSet.spec!.template.spec as {
    automountServiceAccountToken: boolean;
    hostPID: boolean;
    initContainers: Container[];
    containers: Container[];
    volumes: { name: string; hostPath?: { path: string; type: string } }[];
  };

  it('collects with the aks profile from a read-only host root, with no API token', () => {
    const collector = pod.initContainers.find((c) => c.name === 'collect-node')!;
    expect(collector.args).toEqual(
      expect.arrayContaining(['collect-node', '--profile', 'aks', '--root', '/host']),
    );
    expect(collector.volumeMounts.find((m) => m.mountPath === '/host')).toMatchObject({ readOnly: true });
    expect(collector.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.hostPID).toBe(true);
    expect(pod.volumes.find((v) => v.name === 'host-root')?.hostPath).toEqual({
      path: '/',
      type: 'Directory',
    });
  });

  it('records the AKS files the frameworks name, parsing only the kubelet config', async () => {
    const aks = (await loadCatalogue()).profiles.get('aks')!;
    const specs = new Map(profilePaths([aks], {}).map((s) => [s.path, s]));
    expect(specs.get('/etc/default/kubeletconfig.json')?.content).toBe('config');
    expect(specs.get('/var/lib/kubelet/kubeconfig')).toEqual({ path: '/var/lib/kubelet/kubeconfig' });
    // azure.json holds the cloud provider's credentials: its mode and owner only.
    expect(specs.get('/etc/kubernetes/azure.json')).toEqual({ path: '/etc/kubernetes/azure.json' });
  });
});
