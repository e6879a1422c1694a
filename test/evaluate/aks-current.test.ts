// AKS 1.33 with ARM, cluster and node facts: CIS AKS v1.8.0 leaves manual only what facts cannot decide; ARM read in wire casing.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { runCheck } from '../../src/evaluate/run-checks.js';
import { normaliseManagedCluster } from '../../src/facts/managed-cluster.js';
import type { Assessment } from '../../src/model/assessment.js';
import type { Facts } from '../../src/model/facts.js';
import { AKS_133_VERSION, aks133Snapshot } from '../helpers/aks-133.js';

const catalogue = await loadCatalogue();
const byId = (a: Assessment, id: string) => a.results.find((r) => r.id === id)!;
const manualIds = (a: Assessment) => a.results.filter((r) => r.status === 'manual').map((r) => r.id);

describe('an AKS 1.33 snapshot with ARM, cluster and node facts', () => {
  let facts: Facts;
  let aks: Assessment;
  let cis: Assessment;
  beforeAll(async () => {
    facts = await loadSnapshot(await aks133Snapshot());
    aks = evaluate(facts, catalogue, { framework: 'cis-aks-1.8.0', profile: 'aks' });
    cis = evaluate(facts, catalogue, { framework: 'cis-kubernetes-1.11.1', profile: 'aks' });
  });

  it('runs 1.33 and has node facts from every node that runs pods', () => {
    expect(facts.cluster.kubernetesVersion).toContain(AKS_133_VERSION);
    expect([...facts.nodes.keys()].sort()).toEqual([
      'aks-apps-27182818-vmss000000',
      'aks-apps-27182818-vmss000001',
      'aks-system-31415926-vmss000000',
      'aks-system-31415926-vmss000001',
    ]);
  });

  it('leaves manual under CIS AKS v1.8.0 only the rows no fact can decide', () => {
    // ACR permissions, HTTPS load balancers, the CNI release, namespace boundaries: outside ARM and the cluster's objects.
    // 4.1.8, 4.1.10, 4.1.11: the facts list who holds the permission; whether each needs it is a person's call.
    expect(manualIds(aks).sort()).toEqual([
      '4.1.10',
      '4.1.11',
      '4.1.8',
      '4.4.1',
      '4.6.1',
      '5.1.2',
      '5.1.3',
      '5.4.5',
    ]);
    for (const id of ['4.4.1', '4.6.1', '5.1.2', '5.1.3', '5.4.5']) expect(byId(aks, id).checks).toEqual([]);
    expect(aks.summary.counts['provider-attested']).toBe(0);
  });

  it('decides section 3 from the nodes and section 5 from ARM, showing the deciding field', () => {
    expect(byId(aks, '3.1.3')).toMatchObject({ status: 'pass' });
    expect(byId(aks, '3.1.3').evidence.map((e) => e.source)).toEqual(['node', 'node', 'node', 'node']);
    expect(byId(aks, '3.2.4').status).toBe('fail');
    const fields = (id: string) => byId(aks, id).evidence.map((e) => e.path);
    expect(fields('5.3.1')).toContain('azure:securityProfile.azureKeyVaultKms.enabled');
    expect(fields('5.4.2')).toEqual(
      expect.arrayContaining([
        'azure:apiServerAccessProfile.enablePrivateCluster',
        'azure:publicNetworkAccess',
      ]),
    );
    expect(fields('5.4.3')).toEqual([
      'azure:agentPoolProfiles[system].enableNodePublicIp',
      'azure:agentPoolProfiles[apps].enableNodePublicIp',
    ]);
    expect(fields('5.1.1')).toContain('azure:securityProfile.defender.securityMonitoring.enabled');
    expect(byId(aks, '5.5.2').status).toBe('pass');
    expect(byId(aks, '5.5.1').status).toBe('fail');
  });

  it('decides CIS 4.1.x and 4.2.x from the nodes, outside the range of Microsoft’s table', () => {
    for (const id of ['4.1.1', '4.1.5', '4.1.9', '4.1.10']) {
      expect(byId(cis, id).status, id).toBe('pass');
      expect(byId(cis, id).evidence[0]?.source, id).toBe('node');
    }
    expect(cis.summary.counts['provider-attested']).toBe(0);
    // Every node that runs pods has node facts, so the client CA file is seen on each.
    expect(byId(cis, '4.1.7').status).toBe('pass');
  });

  it('shows the ARM settings in the scope and the calendar date where the version check is used', () => {
    const practices = evaluate(facts, catalogue, { framework: 'aks-security-practices', profile: 'aks' });
    const paths = (practices.clusterConfiguration ?? []).map((c) => c.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'securityProfile.defender.securityMonitoring.enabled',
        'autoUpgradeProfile.nodeOsUpgradeChannel',
        'apiServerAccessProfile.disableRunCommand',
        'agentPoolProfiles[apps].enableEncryptionAtHost',
      ]),
    );
    expect(practices.notes?.map((n) => n.en).join()).toMatch(/support calendar as of \d{4}-\d{2}-\d{2}/);
    expect(byId(practices, 'ASP-3.1').evidence.map((e) => e.path)).toContain(
      'azure:currentKubernetesVersion',
    );
    expect(manualIds(practices)).toEqual([]);
  });
});

describe('ARM payloads in wire casing', () => {
  it('decide every aks-* check as the az aks show casing does', async () => {
    const sample = await loadSnapshot('samples/aks-prod');
    const wire = await loadSnapshot('samples/aks-prod');
    wire.azure.managedCluster = normaliseManagedCluster(
      JSON.parse(await readFile('test/fixtures/managed-cluster-arm.json', 'utf8')),
      'managed-cluster-arm.json',
    );
    const params = { ...catalogue.profiles.get('aks')!.parameters, calendars: catalogue.calendars };
    for (const check of ALL_CHECKS.filter((c) => c.id.startsWith('aks-'))) {
      const a = runCheck(check, { facts: sample, params });
      const b = runCheck(check, { facts: wire, params });
      expect(b.status, check.id).toBe(a.status);
      expect(
        b.evidence.map((e) => e.observed),
        check.id,
      ).toEqual(a.evidence.map((e) => e.observed));
    }
  });
});

describe('a managed cluster caught mid-change', () => {
  it('is evaluated, with a warning that its ARM facts may be mid-change', async () => {
    const dir = await aks133Snapshot();
    const file = join(dir, 'azure', 'managed-cluster.json');
    const cluster = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    cluster.provisioningState = 'Updating';
    await writeFile(file, JSON.stringify(cluster));
    const a = evaluate(await loadSnapshot(dir), catalogue, { framework: 'cis-aks-1.8.0', profile: 'aks' });
    expect(a.results).toHaveLength(51);
    expect(a.notes?.[0]?.en).toContain('provisioningState Updating');
    expect(a.notes?.[0]?.zh).toContain('正在变更');
  });
});
