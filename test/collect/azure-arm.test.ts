// The real Azure SDK clients against a local HTTPS ARM: managed cluster, agent pools, diagnostic settings, 401/403/404.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { collectAzure } from '../../src/collect/azure-arm.js';
import { collectCluster } from '../../src/collect/collect-cluster.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { normaliseManagedCluster } from '../../src/facts/managed-cluster.js';
import { InputError } from '../../src/util/errors.js';
import { TEST_CREDENTIAL, startFakeArmServer, type FakeArmOptions } from '../helpers/fake-arm-server.js';
import { startFakeKubeServer } from '../helpers/fake-kube-server.js';

const TARGET = {
  subscriptionId: '00000000-1111-2222-3333-444444444444',
  resourceGroup: 'rg-test',
  clusterName: 'aks-test',
};
const CLUSTER_ID = `/subscriptions/${TARGET.subscriptionId}/resourceGroups/${TARGET.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${TARGET.clusterName}`;

const wireCluster = {
  id: CLUSTER_ID,
  name: TARGET.clusterName,
  type: 'Microsoft.ContainerService/ManagedClusters',
  location: 'chinaeast2',
  properties: {
    kubernetesVersion: '1.30.6',
    currentKubernetesVersion: '1.30.6',
    enableRBAC: true,
    disableLocalAccounts: true,
    aadProfile: { managed: true, enableAzureRBAC: true },
    securityProfile: { azureKeyVaultKms: { enabled: false } },
    networkProfile: { networkPlugin: 'azure', networkPolicy: 'calico', podCidr: '10.244.0.0/16' },
    agentPoolProfiles: [{ name: 'system', count: 3, mode: 'System', enableFIPS: false }],
  },
};
const wireSettings = [
  {
    id: `${CLUSTER_ID}/providers/microsoft.insights/diagnosticSettings/aks-to-law`,
    name: 'aks-to-law',
    properties: {
      workspaceId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.OperationalInsights/workspaces/law',
      logs: [{ category: 'kube-audit', enabled: true }],
    },
  },
];

describe('collect from Azure ARM', () => {
  let work: string;
  const servers: { close(): Promise<void> }[] = [];
  const start = async (extra: Partial<FakeArmOptions> = {}) => {
    const server = await startFakeArmServer({
      ...TARGET,
      managedCluster: wireCluster,
      agentPools: [
        { id: `${CLUSTER_ID}/agentPools/system`, name: 'system', properties: { count: 3, mode: 'System' } },
      ],
      diagnosticSettings: wireSettings,
      ...extra,
    });
    servers.push(server);
    return server;
  };
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'ke-arm-'));
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await rm(work, { recursive: true, force: true });
  });

  it('writes the managed cluster in the SDK shape, its agent pools and its diagnostic settings', async () => {
    const arm = await start();
    const result = await collectAzure({
      ...TARGET,
      snapshotDir: work,
      credential: TEST_CREDENTIAL,
      endpoint: arm.endpoint,
      clientOptions: arm.clientOptions,
    });
    expect(result.gaps).toEqual([]);
    expect(result.counts).toEqual({ managedCluster: 1, agentPools: 1, diagnosticSettings: 1 });
    expect(arm.requests.every((r) => r.authorization === 'Bearer t')).toBe(true);
    const file = join(work, 'azure', 'managed-cluster.json');
    const cluster = normaliseManagedCluster(JSON.parse(await readFile(file, 'utf8')), file);
    expect(cluster).toMatchObject({
      name: 'aks-test',
      enableRbac: true,
      disableLocalAccounts: true,
      aadProfile: { enableAzureRbac: true },
      networkProfile: { networkPolicy: 'calico', podCidr: '10.244.0.0/16' },
    });
    const settings = JSON.parse(await readFile(join(work, 'azure', 'diagnostic-settings.json'), 'utf8')) as {
      name: string;
      logs: unknown[];
    }[];
    expect(settings).toEqual([
      expect.objectContaining({ name: 'aks-to-law', logs: [{ category: 'kube-audit', enabled: true }] }),
    ]);
    // The diagnostic settings were asked of the cluster resource itself.
    expect(arm.requests.map((r) => r.path)).toContain(
      `${CLUSTER_ID}/providers/Microsoft.Insights/diagnosticSettings`,
    );
  });

  it.each([
    [
      401,
      /401 Unauthorized reading managed cluster "aks-test" in resource group "rg-test", subscription 00000000-1111-2222-3333-444444444444/,
    ],
    [
      403,
      /403 Forbidden reading managed cluster "aks-test" .* \(the Reader role on the cluster resource is needed\)/,
    ],
    [
      404,
      /404 Not Found: managed cluster "aks-test" in resource group "rg-test", subscription 0000.* does not exist/,
    ],
  ] as const)(
    'records a %i as gaps for every ARM part, naming subscription, group and cluster',
    async (status, message) => {
      const arm = await start({ mode: status });
      const result = await collectAzure({
        ...TARGET,
        snapshotDir: work,
        credential: TEST_CREDENTIAL,
        endpoint: arm.endpoint,
        clientOptions: arm.clientOptions,
      });
      expect(result.gaps.map((g) => g.part)).toEqual([
        'azure:managedCluster',
        'azure:agentPools',
        'azure:diagnosticSettings',
      ]);
      expect(result.gaps.every((g) => g.code === status)).toBe(true);
      expect(result.gaps[0]!.reason).toMatch(message);
    },
  );

  it('reports a credential that cannot sign in without an HTTP status', async () => {
    const arm = await start();
    const failing = {
      getToken: async () => {
        const error = new Error(
          'DefaultAzureCredential failed to retrieve a token from the included credentials.\nEnvironmentCredential is unavailable.',
        );
        error.name = 'CredentialUnavailableError';
        throw error;
      },
    };
    const result = await collectAzure({
      ...TARGET,
      snapshotDir: work,
      credential: failing,
      endpoint: arm.endpoint,
      clientOptions: arm.clientOptions,
    });
    expect(result.gaps[0]!.reason).toMatch(
      /^no usable Azure credential for managed cluster "aks-test" .*: DefaultAzureCredential failed to retrieve a token from the included credentials\.$/,
    );
    expect(arm.requests).toEqual([]);
  });

  it('collect stops with one clear InputError when the cluster cannot be read', async () => {
    const arm = await start({ mode: 403 });
    const run = collectCluster({
      outDir: join(work, 'snap'),
      onAzureFailure: 'fail',
      kubernetes: { kubeconfig: join(work, 'kubeconfig-that-is-never-read') },
      azure: {
        ...TARGET,
        credential: TEST_CREDENTIAL,
        endpoint: arm.endpoint,
        clientOptions: arm.clientOptions,
      },
    });
    // The kubeconfig is checked first, before any network call.
    await expect(run).rejects.toThrow(/kubeconfig file not found/);

    const kube = await startFakeKubeServer({ objects: {} });
    servers.push(kube);
    const kubeconfig = await kube.writeKubeconfig(join(work, 'kubeconfig'));
    const again = collectCluster({
      outDir: join(work, 'snap'),
      onAzureFailure: 'fail',
      kubernetes: { kubeconfig },
      azure: {
        ...TARGET,
        credential: TEST_CREDENTIAL,
        endpoint: arm.endpoint,
        clientOptions: arm.clientOptions,
      },
    });
    await expect(again).rejects.toThrow(InputError);
    await expect(again).rejects.toThrow(
      /^Azure: 403 Forbidden reading managed cluster "aks-test" in resource group "rg-test", subscription 0000/,
    );
    expect(kube.requests).toEqual([]);
  });

  it('scan mode records ARM gaps, goes on with Kubernetes, and ARM-based checks give error', async () => {
    const arm = await start({ mode: 404 });
    const kube = await startFakeKubeServer({ objects: {} });
    servers.push(kube);
    const kubeconfig = await kube.writeKubeconfig(join(work, 'kubeconfig'));
    const result = await collectCluster({
      outDir: join(work, 'snap'),
      onAzureFailure: 'gap',
      provider: 'aks',
      kubernetes: { kubeconfig },
      azure: {
        ...TARGET,
        credential: TEST_CREDENTIAL,
        endpoint: arm.endpoint,
        clientOptions: arm.clientOptions,
      },
    });
    expect(result.manifest.collectedKinds).toContain('Pod');
    expect(result.gaps.filter((g) => g.part.startsWith('azure:')).map((g) => g.part)).toEqual([
      'azure:managedCluster',
      'azure:agentPools',
      'azure:diagnosticSettings',
    ]);
    const facts = await loadSnapshot(join(work, 'snap'));
    const catalogue = await loadCatalogue();
    const assessment = evaluate(facts, catalogue, { framework: 'cis-kubernetes-1.11.1', profile: 'aks' });
    // Results decided by an ARM fact: an aks-* check, directly or through the profile's environment-dependent mapping.
    const armResults = assessment.results.filter(
      (r) =>
        r.mapping.mapping !== 'not-applicable' &&
        (r.checks.some((c) => c.startsWith('aks-')) || r.mapping.decidedBy?.check?.startsWith('aks-')),
    );
    expect(armResults.length).toBeGreaterThan(0);
    for (const r of armResults) expect([r.id, r.status]).toEqual([r.id, 'error']);
  });

  it('keeps a readable cluster when only the diagnostic settings are refused', async () => {
    const arm = await start({ diagnosticSettingsStatus: 403 });
    const result = await collectAzure({
      ...TARGET,
      snapshotDir: work,
      credential: TEST_CREDENTIAL,
      endpoint: arm.endpoint,
      clientOptions: arm.clientOptions,
    });
    expect(result.gaps).toEqual([expect.objectContaining({ part: 'azure:diagnosticSettings', code: 403 })]);
    expect(result.counts.managedCluster).toBe(1);
  });
});
