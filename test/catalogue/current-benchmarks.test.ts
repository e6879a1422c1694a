// CIS AKS v1.8.0 and CIS Kubernetes v1.12.0 carry every published recommendation, and a benchmark id picks the version by cluster.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { allFrameworkNames, chooseFramework } from '../../src/catalogue/select-framework.js';
import { REFERENCE_DIR, readJson } from './helpers.js';

/** One row of test/fixtures/reference/<benchmark>-recommendations.json: ids and markers, the title only as its SHA-256. */
interface BenchmarkRow {
  id: string;
  titleSha256: string;
  assessment?: 'automated' | 'manual' | null;
  section?: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const catalogue = await loadCatalogue();

describe.each([
  ['cis-aks-1.8.0', 'cis-aks-1.8.0-recommendations.json', 51],
  ['cis-kubernetes-1.12.0', 'cis-kubernetes-1.12.0-recommendations.json', 131],
])('%s against the published list', async (id, file, count) => {
  const reference = await readJson<BenchmarkRow[]>(`${REFERENCE_DIR}/${file}`);
  const framework = catalogue.frameworks.get(id)!;
  const rows = reference.filter((r) => !r.section);

  it(`carries all ${count} recommendations in document order, with every section`, () => {
    expect(rows).toHaveLength(count);
    expect(framework.requirements.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(framework.sections.map((s) => s.id)).toEqual(reference.filter((r) => r.section).map((r) => r.id));
  });

  it('keeps each published title and its (Automated)/(Manual) marker', () => {
    for (const row of rows) {
      const requirement = framework.requirements.find((r) => r.id === row.id)!;
      expect(sha256(requirement.title.en), row.id).toBe(row.titleSha256);
      // 2.1.1 of CIS AKS carries no marker; kube-bench treats it as manual.
      expect(requirement.assessment, row.id).toBe(row.assessment ?? 'manual');
    }
  });
});

describe('CIS AKS v1.8.0 decides section 5 from ARM', () => {
  const framework = catalogue.frameworks.get('cis-aks-1.8.0')!;
  const checksOf = (id: string) => framework.requirements.find((r) => r.id === id)!.checks;

  it.each([
    ['2.1.1', 'aks-audit-logs-exported'],
    ['3.1.3', 'file-azure-json-mode'],
    ['5.1.1', 'aks-defender-enabled'],
    ['5.3.1', 'aks-kms-enabled'],
    ['5.4.1', 'aks-private-or-authorized-api'],
    ['5.4.2', 'aks-private-endpoint'],
    ['5.4.3', 'aks-no-node-public-ip'],
    ['5.4.4', 'aks-network-policy'],
    ['5.5.1', 'aks-local-accounts-disabled'],
    ['5.5.2', 'aks-azure-rbac'],
  ])('%s is decided by %s', (id, check) => {
    expect(checksOf(id)).toEqual([check]);
  });

  it('is written for the aks profile only', () => {
    expect(framework.providers).toEqual(['aks']);
    expect(allFrameworkNames(catalogue, catalogue.profiles.get('kubeadm')!)).not.toContain('cis-aks-1.8.0');
    expect(allFrameworkNames(catalogue, catalogue.profiles.get('aks')!)).toContain('cis-aks-1.8.0');
  });
});

describe('--framework cis-kubernetes picks the version that covers the cluster', () => {
  it.each([
    ['v1.30.6', 'cis-kubernetes-1.11.1', 'within 1.27–1.31'],
    ['1.31.4', 'cis-kubernetes-1.11.1', 'within 1.27–1.31'],
    ['v1.32.1', 'cis-kubernetes-1.12.0', 'within 1.32–1.34'],
    ['v1.33.2', 'cis-kubernetes-1.12.0', 'within 1.32–1.34'],
    ['v1.36.0', 'cis-kubernetes-1.12.0', 'No version covers Kubernetes v1.36.0'],
    ['v1.25.3', 'cis-kubernetes-1.11.1', 'No version covers Kubernetes v1.25.3'],
    [undefined, 'cis-kubernetes-1.12.0', 'unknown'],
  ])('Kubernetes %s gets %s and says why', (version, id, why) => {
    const choice = chooseFramework(catalogue, 'cis-kubernetes', version);
    expect(choice.framework.id).toBe(id);
    expect(choice.selection?.en).toContain(why);
    expect(choice.selection?.zh.length).toBeGreaterThan(0);
  });

  it('a named version is used as named, with no selection note', () => {
    const choice = chooseFramework(catalogue, 'cis-kubernetes-1.11.1', 'v1.33.2');
    expect(choice.framework.id).toBe('cis-kubernetes-1.11.1');
    expect(choice.selection).toBeUndefined();
  });

  it('an unknown name fails with the names it accepts', () => {
    expect(() => chooseFramework(catalogue, 'cis-k8s', 'v1.33.2')).toThrow(
      /cis-kubernetes, .*cis-aks-1\.8\.0/,
    );
  });
});
