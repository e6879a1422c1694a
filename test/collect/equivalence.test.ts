// Done-when test: a live collection from local servers serving a sample cluster evaluates exactly like the offline snapshot.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, loadCatalogue } from '../../src/catalogue/load.js';
import { collectCluster, type CollectOptions } from '../../src/collect/collect-cluster.js';
import { KUBE_RESOURCES } from '../../src/collect/kube-resources.js';
import { KUBE_PROXY_CONFIGMAP_PATH } from '../../src/collect/kube-proxy-config.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Assessment } from '../../src/model/assessment.js';
import { TEST_CREDENTIAL, startFakeArmServer, toArmWire } from '../helpers/fake-arm-server.js';
import { startFakeKubeServer } from '../helpers/fake-kube-server.js';

type Json = Record<string, unknown>;
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Json;

/** What the sample's kubernetes/ folder holds, as the API server would serve it. */
async function servedFromSample(sample: string) {
  const dir = join(sample, 'kubernetes');
  const objects: Record<string, Json[]> = {};
  const single: Record<string, Json> = {};
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json') && n !== 'version.json')) {
    const body = await readJson(join(dir, name));
    if (Array.isArray(body.items)) objects[name.replace(/\.json$/, '')] = body.items as Json[];
    else if (body.kind === 'ConfigMap' && name === 'kube-system-kube-proxy.json')
      single[KUBE_PROXY_CONFIGMAP_PATH] = body;
  }
  const configz: Record<string, Json> = {};
  for (const name of await readdir(join(dir, 'configz')))
    configz[name.replace(/\.json$/, '')] = (await readJson(join(dir, 'configz', name))).kubeletconfig as Json;
  const version = (await readJson(join(dir, 'version.json'))).serverVersion as Json;
  // The sample keeps configz per node but no node list; the API server has both, and collect asks configz of listed nodes.
  objects.nodes ??= Object.keys(configz).map((name) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
  }));
  return { objects, configz, version, single };
}

/** Only what a report shows about a result; times, files and the source label differ between live and offline by design. */
function comparable(assessment: Assessment) {
  return assessment.results.map((r) => ({
    id: r.id,
    status: r.status,
    reason: r.reason,
    dependsOnEnvironment: r.dependsOnEnvironment,
    offenders: r.offenders,
    offenderCount: r.offenderCount,
    evidence: r.evidence.map((e) => ({ path: e.path, observed: e.observed, expected: e.expected })),
  }));
}

describe('live collection is equivalent to the offline snapshot', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it.each([
    ['aks-prod', 'aks'],
    ['kubeadm-lab', 'kubeadm'],
  ])(
    'samples/%s under the %s profile gives the same results for every framework',
    async (sampleName, profile) => {
      const sample = join(PACKAGE_ROOT, 'samples', sampleName);
      const work = await mkdtemp(join(tmpdir(), 'ke-equiv-'));
      cleanups.push(() => rm(work, { recursive: true, force: true }));
      const served = await servedFromSample(sample);
      const kube = await startFakeKubeServer({ ...served, clusterName: sampleName });
      cleanups.push(() => kube.close());

      const live = join(work, 'live');
      const options: CollectOptions = {
        outDir: live,
        onAzureFailure: 'fail',
        provider: profile,
        kubernetes: { kubeconfig: await kube.writeKubeconfig(join(work, 'kubeconfig')), pageSize: 2 },
      };
      const offline = join(work, 'offline');
      await cp(sample, offline, { recursive: true });

      if (profile === 'aks') {
        const flat = await readJson(join(sample, 'azure', 'managed-cluster.json'));
        const settings = JSON.parse(
          await readFile(join(sample, 'azure', 'diagnostic-settings.json'), 'utf8'),
        ) as Json[];
        const [subscriptionId, resourceGroup] = /subscriptions\/([^/]+)\/resourcegroups\/([^/]+)/i
          .exec(String(flat.id))!
          .slice(1) as [string, string];
        const arm = await startFakeArmServer({
          subscriptionId,
          resourceGroup,
          clusterName: String(flat.name),
          managedCluster: toArmWire(flat),
          diagnosticSettings: settings.map(({ id, name, type, ...properties }) => ({
            id,
            name,
            type,
            properties,
          })),
        });
        cleanups.push(() => arm.close());
        options.azure = {
          subscriptionId,
          resourceGroup,
          clusterName: String(flat.name),
          credential: TEST_CREDENTIAL,
          endpoint: arm.endpoint,
          clientOptions: arm.clientOptions,
        };
      } else {
        // Node facts come from collect-node on each node, placed beside the collection.
        await cp(join(sample, 'nodes'), join(live, 'nodes'), { recursive: true });
        await writeFile(
          join(live, 'snapshot.json'),
          '{"schema":"kube-evidence/snapshot","collectedKinds":[],"gaps":[]}',
        );
      }
      const result = await collectCluster(options);
      expect(result.gaps).toEqual([]);
      // AKS nodes are the customer's too: their facts come from collect-node (the AKS DaemonSet), added beside it.
      if (profile === 'aks') await cp(join(sample, 'nodes'), join(live, 'nodes'), { recursive: true });

      // The offline export holds what the server served, kubectl-style: every kind listed, empty or not.
      const sampleFiles = await readdir(join(sample, 'kubernetes'));
      for (const resource of KUBE_RESOURCES.filter((r) => !sampleFiles.includes(`${r.plural}.json`))) {
        const items = served.objects[resource.plural] ?? [];
        await writeFile(
          join(offline, 'kubernetes', `${resource.plural}.json`),
          JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
        );
      }

      const catalogue = await loadCatalogue();
      const liveFacts = await loadSnapshot(live);
      const offlineFacts = await loadSnapshot(offline);
      expect(liveFacts.cluster.name).toBe(offlineFacts.cluster.name);
      expect(liveFacts.cluster.kubernetesVersion).toBe(offlineFacts.cluster.kubernetesVersion);
      expect(liveFacts.azure.diagnosticSettings).toEqual(offlineFacts.azure.diagnosticSettings);
      expect(liveFacts.azure.managedCluster === undefined).toBe(profile !== 'aks');
      let compared = 0;
      for (const framework of catalogue.frameworks.keys()) {
        const a = evaluate(liveFacts, catalogue, { framework, profile });
        const b = evaluate(offlineFacts, catalogue, { framework, profile });
        expect(comparable(a)).toEqual(comparable(b));
        expect(a.summary.counts).toEqual(b.summary.counts);
        compared += a.results.filter((r) => r.status === 'pass' || r.status === 'fail').length;
      }
      // Not a comparison of two empty reports: the facts decided real results.
      expect(compared).toBeGreaterThan(3);
    },
  );
});
