// The real Azure SDK against a hostile ARM endpoint: a trickled answer is cut at the timeout, an echoed token is never stored.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectAzure } from '../../src/collect/azure-arm.js';
import { startFakeArmServer, type FakeArmOptions, type FakeArmServer } from '../helpers/fake-arm-server.js';

const TARGET = {
  subscriptionId: '00000000-1111-2222-3333-444444444444',
  resourceGroup: 'rg',
  clusterName: 'aks',
};
const CLUSTER = {
  id: `/subscriptions/${TARGET.subscriptionId}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`,
  name: 'aks',
  location: 'chinaeast2',
  properties: { kubernetesVersion: '1.30.6', enableRBAC: true, servicePrincipalProfile: { clientId: 'msi' } },
};
// A JWT-shaped access token, as Entra ID issues them.
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlLXBsYW50ZWQ';
const CREDENTIAL = { getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3.6e6 }) };

let work: string;
let server: FakeArmServer | undefined;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-hostile-arm-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(work, { recursive: true, force: true });
});

async function collectFrom(options: Partial<FakeArmOptions>, timeoutMs = 5000) {
  server = await startFakeArmServer({ ...TARGET, managedCluster: CLUSTER, ...options });
  const progress: string[] = [];
  const result = await collectAzure({
    ...TARGET,
    snapshotDir: work,
    credential: CREDENTIAL,
    endpoint: server.endpoint,
    clientOptions: server.clientOptions,
    timeoutMs,
    progress: (line) => progress.push(line),
  });
  return { result, progress };
}

describe('hostile Azure Resource Manager', () => {
  it('an answer trickled one byte at a time is cut at the timeout', async () => {
    const started = Date.now();
    const { result } = await collectFrom({ trickleMs: 200 }, 1000);
    expect(result.gaps.map((g) => g.part)).toContain('azure:managedCluster');
    expect(Date.now() - started).toBeLessThan(6000);
    expect(await readdir(work)).toEqual([]);
  });

  it('a token echoed in a 403 is scrubbed from the gap and the progress lines', async () => {
    const { result, progress } = await collectFrom({ echoAuthorization: true });
    const gap = result.gaps.find((g) => g.part === 'azure:managedCluster');
    expect(gap?.code).toBe(403);
    expect(gap?.reason).toContain('<redacted>');
    const everything = JSON.stringify(result) + progress.join('\n');
    for (const part of TOKEN.split('.')) expect(everything).not.toContain(part);
  });

  it('an honest server still gives the managed cluster', async () => {
    const { result } = await collectFrom({});
    expect(result.gaps).toEqual([]);
    const stored = JSON.parse(await readFile(join(work, 'azure', 'managed-cluster.json'), 'utf8')) as {
      name: string;
    };
    expect(stored.name).toBe('aks');
  });
});
