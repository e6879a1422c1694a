// The bundled samples give the expected status for each requirement of the skeleton slice.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Assessment } from '../../src/model/assessment.js';

const FRAMEWORK = 'cis-kubernetes-1.11.1';

async function assess(sample: string, profile: string): Promise<Assessment> {
  return evaluate(await loadSnapshot(`samples/${sample}`), await loadCatalogue(), {
    framework: FRAMEWORK,
    profile,
  });
}

const byId = (a: Assessment, id: string) => {
  const result = a.results.find((r) => r.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
};

describe('AKS sample under the aks profile', () => {
  let a: Assessment;
  beforeAll(async () => {
    a = await assess('aks-prod', 'aks');
  });

  it.each([
    ['1.1.1', 'not-applicable', 'not-applicable'],
    ['1.2.1', 'provider-attested', 'provider-attested'],
    ['1.2.17', 'equivalent-control', 'equivalent-control'],
    ['1.2.27', 'environment-dependent', 'fail'],
    ['5.1.1', 'environment-dependent', 'fail'],
    ['5.2.2', 'environment-dependent', 'fail'],
    ['5.6.1', 'environment-dependent', 'manual'],
  ])('%s is mapped %s and ends %s', (id, mapping, status) => {
    const result = byId(a, id);
    expect(result.mapping.mapping).toBe(mapping);
    expect(result.status).toBe(status);
  });

  it('decides KMS (1.2.27) from securityProfile.azureKeyVaultKms and shows the deciding fact', () => {
    const result = byId(a, '1.2.27');
    expect(result.dependsOnEnvironment).toBe(true);
    expect(result.evidence.map((e) => e.path)).toContain('azure:securityProfile.azureKeyVaultKms.enabled');
    expect(result.mapping.responsibility).toBe('customer');
  });

  it('decides 3.1.1 from disableLocalAccounts and flags the disagreement with the published pass', () => {
    const result = byId(a, '3.1.1');
    expect(result.mapping).toMatchObject({ mapping: 'assessed', published: { result: 'pass' } });
    expect(result.status).toBe('fail');
    expect(result.evidence.map((e) => e.path)).toContain('azure:disableLocalAccounts');
    expect(result.contradiction?.en).toContain('contradicts');
  });

  it('verifies the audit-log equivalent control (1.2.17) from the diagnostic settings', () => {
    const result = byId(a, '1.2.17');
    expect(result.reason.en).toContain('aks-to-law');
  });

  it('lists the privileged pods outside the provider-owned namespaces (5.2.2)', () => {
    const names = byId(a, '5.2.2').offenders.map((o) => `${o.namespace}/${o.name}`);
    expect(names.sort()).toEqual(['default/debug-shell', 'monitoring/node-exporter']);
  });

  it('lists the subjects bound to cluster-admin (5.1.1)', () => {
    const values = byId(a, '5.1.1').offenders.map((o) => String(o.value));
    expect(values).toContain('Group b7e4a1c2-3d5f-4e6a-9b8c-7d6e5f4a3b2c');
    expect(values).not.toContain('Group system:masters');
  });
});

describe('kubeadm sample under the kubeadm profile', () => {
  let a: Assessment;
  beforeAll(async () => {
    a = await assess('kubeadm-lab', 'kubeadm');
  });

  it('fails 1.1.1 on the 0644 API server manifest, from node facts', () => {
    const result = byId(a, '1.1.1');
    expect(result.mapping.mapping).toBe('assessed');
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toMatchObject({ source: 'node', observed: 'mode 0644, owner root:root' });
  });

  it('fails 1.2.1 because --anonymous-auth is absent and defaults to true', () => {
    expect(byId(a, '1.2.1').status).toBe('fail');
    expect(byId(a, '1.2.1').evidence[0]?.observed).toBe('not set (defaults to true)');
  });

  it('fails 1.2.17 on --audit-log-maxage=7', () => {
    const result = byId(a, '1.2.17');
    expect(result.status).toBe('fail');
    expect(result.evidence[0]?.observed).toBe('7');
  });

  it('passes 2.8 by comparing the fingerprints of the etcd and cluster CA certificates, not only their paths', () => {
    const result = byId(a, '2.8');
    expect(result.status).toBe('pass');
    expect(result.reason.en).toContain('SHA-256 fingerprints compared');
    expect(result.evidence.map((e) => e.observed)).toEqual([
      expect.stringMatching(/^\/etc\/kubernetes\/pki\/ca\.crt \(CN=kubernetes, sha256 [0-9a-f]{64}\)$/),
      expect.stringMatching(/^\/etc\/kubernetes\/pki\/etcd\/ca\.crt \(CN=etcd-ca, sha256 [0-9a-f]{64}\)$/),
    ]);
  });

  it('leaves 5.6.1 to a person with its procedure', () => {
    const result = byId(a, '5.6.1');
    expect(result.status).toBe('manual');
    expect(result.reason.en).toContain('kubectl get namespaces');
  });
});
