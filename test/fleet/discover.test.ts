// fleet discover: the real Resource Graph SDK over HTTPS against a local Resource Graph, paging, 403 and 429; skeletons load and evaluate.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type Catalogue } from '../../src/catalogue/load.js';
import { runDiscover } from '../../src/cli/commands/fleet-discover.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { queryManagedClusters } from '../../src/fleet/resource-graph.js';
import type { Discovery } from '../../src/fleet/skeletons.js';
import { TEST_CREDENTIAL, toArmWire } from '../helpers/fake-arm-server.js';
import { graphRow, startFakeResourceGraph, type FakeGraphServer } from '../helpers/fake-resource-graph.js';
import { runCli } from '../helpers/cli.js';

const SUB_A = '11111111-1111-4111-8111-111111111111';
const SUB_B = '22222222-2222-4222-8222-222222222222';
const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'aks-prod', 'azure', 'managed-cluster.json');

let work: string;
let catalogue: Catalogue;
let properties: Record<string, unknown>;
const servers: FakeGraphServer[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-discover-'));
  catalogue = await loadCatalogue();
  // The sample's `az aks show` output as ARM sends it: properties in wire casing.
  properties = toArmWire(JSON.parse(await readFile(SAMPLE, 'utf8')) as Record<string, unknown>)
    .properties as Record<string, unknown>;
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function graph(options: Parameters<typeof startFakeResourceGraph>[0]): Promise<FakeGraphServer> {
  const server = await startFakeResourceGraph(options);
  servers.push(server);
  return server;
}

const graphOptions = (server: FakeGraphServer, extra: Record<string, unknown> = {}) => ({
  credential: TEST_CREDENTIAL,
  endpoint: server.endpoint,
  agents: server.agents,
  ...extra,
});

function fleetRows(): Record<string, unknown>[] {
  const locked = { ...properties, enableRBAC: true, disableLocalAccounts: true };
  const open = { ...properties, disableLocalAccounts: false, aadProfile: null, enableRBAC: false };
  return [
    graphRow(SUB_A, 'rg-pay', 'aks-pay-prod', locked),
    graphRow(SUB_A, 'rg-pay', 'aks-pay-test', open),
    graphRow(SUB_A, 'rg-web', 'aks-web', locked),
    // Same name in another subscription: two folders, told apart by the id's hash.
    graphRow(SUB_B, 'rg-web', 'aks-web', open),
    graphRow(SUB_B, 'rg-data', 'aks-data', locked),
  ];
}

describe('queryManagedClusters', () => {
  it('pages through $skipToken with the real SDK, sending the query, scope and bearer token', async () => {
    const server = await graph({ rows: fleetRows() });
    const pages: number[] = [];
    const names: string[] = [];
    for await (const c of queryManagedClusters(
      graphOptions(server, {
        pageSize: 2,
        subscriptions: [SUB_A, SUB_B],
        onPage: (n: number) => pages.push(n),
      }),
    ))
      names.push(c.name);
    expect(pages).toEqual([2, 2, 1]);
    expect(names).toEqual(['aks-pay-prod', 'aks-pay-test', 'aks-web', 'aks-web', 'aks-data']);
    expect(server.requests).toHaveLength(3);
    for (const r of server.requests) {
      expect(r.path).toBe('/providers/Microsoft.ResourceGraph/resources');
      expect(r.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(r.authorization).toBe('Bearer t');
      expect(r.body.query).toContain("where type =~ 'microsoft.containerservice/managedclusters'");
      expect(r.body.subscriptions).toEqual([SUB_A, SUB_B]);
      expect(r.body.options?.$top).toBe(2);
    }
    expect(server.requests.map((r) => r.body.options?.$skipToken)).toEqual([
      undefined,
      expect.any(String),
      expect.any(String),
    ]);
  });

  it('asks by management group when one is given', async () => {
    const server = await graph({ rows: fleetRows() });
    for await (const _ of queryManagedClusters(graphOptions(server, { managementGroup: 'mg-bank' }))) void _;
    expect(server.requests[0]!.body).toMatchObject({ managementGroups: ['mg-bank'] });
    expect(server.requests[0]!.body.subscriptions).toBeUndefined();
  });

  it('waits out a 429 with Retry-After and goes on', async () => {
    const server = await graph({ rows: fleetRows(), throttle: { times: 1, retryAfterSeconds: 1 } });
    const started = Date.now();
    const names: string[] = [];
    for await (const c of queryManagedClusters(graphOptions(server))) names.push(c.name);
    expect(names).toHaveLength(5);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a 403 is one reason naming the scope and the role needed, never the token', async () => {
    const server = await graph({ rows: fleetRows(), forbidden: true });
    const iterate = async () => {
      for await (const _ of queryManagedClusters(graphOptions(server, { subscriptions: [SUB_A] }))) void _;
    };
    await expect(iterate()).rejects.toThrow(
      new RegExp(
        `^403 Forbidden querying Resource Graph over subscriptions ${SUB_A} \\(Reader on the subscriptions`,
      ),
    );
  });
});

describe('runDiscover', { timeout: 180_000 }, () => {
  it('writes one ARM-only snapshot per cluster that the loader reads, and evaluates them at once', async () => {
    const server = await graph({ rows: fleetRows() });
    const out = join(work, 'discovery');
    const packs = join(work, 'packs');
    const code = await runDiscover({
      graph: graphOptions(server, { pageSize: 2 }),
      out,
      evaluate: {
        packsDir: packs,
        catalogue,
        frameworks: ['cis-kubernetes-1.11.1'],
        formats: ['json'],
        lang: 'en',
      },
    });
    expect(code).toBe(0);
    const discovery = JSON.parse(await readFile(join(out, 'clusters.json'), 'utf8')) as Discovery;
    const dirs = discovery.clusters.map((c) => c.dir);
    expect(dirs).toEqual([
      'aks-data',
      'aks-pay-prod',
      'aks-pay-test',
      expect.stringMatching(/^aks-web-[0-9a-f]{8}$/),
      expect.stringMatching(/^aks-web-[0-9a-f]{8}$/),
    ]);
    expect(new Set(dirs).size).toBe(5);
    const facts = await loadSnapshot(join(out, 'aks-pay-prod'));
    expect(facts.cluster.name).toBe('aks-pay-prod');
    expect(facts.azure.managedCluster?.enableRbac).toBe(true);

    // ARM-decided rows are decided; nothing that needs the Kubernetes API passes.
    type Result = { id: string; status: string; checks: string[]; reason: { en: string } };
    const read = async (dir: string) => {
      const [stamp] = await readdir(join(packs, dir));
      return JSON.parse(await readFile(join(packs, dir, stamp!, 'assessment.json'), 'utf8')) as {
        results: Result[];
      };
    };
    const prod = await read('aks-pay-prod');
    const test = await read('aks-pay-test');
    const statusOf = (a: { results: Result[] }, id: string) => a.results.find((r) => r.id === id)?.status;
    const decidedDiffer = prod.results.filter(
      (r) => statusOf(test, r.id) !== r.status && r.status === 'pass',
    );
    expect(decidedDiffer.length).toBeGreaterThan(0);
    const kubernetesOnly = prod.results.filter((r) =>
      r.checks.some((c) => /^(rbac|workload|namespace)-/.test(c)),
    );
    expect(kubernetesOnly.length).toBeGreaterThan(0);
    for (const r of kubernetesOnly) expect(r.status, `${r.id} ${r.reason.en}`).not.toBe('pass');
    expect(existsSync(join(packs, 'aks-pay-prod'))).toBe(true);
  });

  it('a name that is not an AKS name is skipped and listed, never a folder; exit 1', async () => {
    const rows = [
      graphRow(SUB_A, 'rg', 'aks-ok', properties),
      graphRow(SUB_A, 'rg', '../../escape', properties),
      graphRow(SUB_A, 'rg', 'a/b', properties),
      graphRow(SUB_A, 'rg', '..', properties),
    ];
    const server = await graph({ rows });
    const out = join(work, 'hostile');
    const code = await runDiscover({ graph: graphOptions(server), out });
    expect(code).toBe(1);
    const discovery = JSON.parse(await readFile(join(out, 'clusters.json'), 'utf8')) as Discovery;
    expect(discovery.clusters.map((c) => c.dir)).toEqual(['aks-ok']);
    expect(discovery.rejected.map((r) => r.name)).toEqual(['../../escape', 'a/b', '..']);
    expect((await readdir(out)).sort()).toEqual(['aks-ok', 'clusters.json']);
    expect(existsSync(join(work, 'escape'))).toBe(false);
  });

  it('a failed query leaves an earlier discovery as it was; a later one replaces it whole', async () => {
    const out = join(work, 'replace');
    const first = await graph({ rows: fleetRows() });
    expect(await runDiscover({ graph: graphOptions(first), out })).toBe(0);
    const before = await readFile(join(out, 'clusters.json'), 'utf8');
    const refused = await graph({ rows: [], forbidden: true });
    expect(await runDiscover({ graph: graphOptions(refused), out })).toBe(2);
    expect(await readFile(join(out, 'clusters.json'), 'utf8')).toBe(before);
    const smaller = await graph({ rows: fleetRows().slice(0, 1) });
    expect(await runDiscover({ graph: graphOptions(smaller), out })).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['aks-pay-prod', 'clusters.json']);
    expect((await readdir(work)).filter((n) => n.startsWith('.replace'))).toEqual([]);
  });

  it('refuses a non-empty directory that is not a discovery', async () => {
    const out = join(work, 'other');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'keep');
    const server = await graph({ rows: fleetRows() });
    await expect(runDiscover({ graph: graphOptions(server), out })).rejects.toThrow(
      /other: --out: is not empty and holds no earlier discovery/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('fleet discover options', () => {
  it.each([
    [['--subscriptions', 'abc'], '--subscriptions: "abc" is not a subscription id (a GUID)'],
    [
      ['--subscriptions', SUB_A, '--management-group', 'mg'],
      'give --subscriptions or --management-group, not both',
    ],
    [['--management-group', 'a/b'], '--management-group: "a/b" is not a management group id'],
    [['--evaluate', 'x', '--framework', 'nope'], 'nope'],
  ])('rejects %j with exit 2', async (args, message) => {
    const result = await runCli(['fleet', 'discover', ...args, '--out', join(work, 'cli')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(work, 'cli'))).toBe(false);
  });
});
