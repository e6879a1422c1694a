// Resolves every id across frameworks, profiles and the check registry, and checks the catalogue's data is complete.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCheckRegistry } from '../helpers/check-registry.js';
import { PACKAGE_ROOT, loadCatalogue } from '../../src/catalogue/load.js';
import { resolveMapping } from '../../src/evaluate/applicability.js';
import type { Framework, ProviderProfile } from '../../src/model/catalogue.js';
import { MAPPINGS, RESPONSIBILITIES } from '../../src/model/status.js';
import type { Text } from '../../src/model/text.js';
import { REFERENCE_DIR, readJson, type QkxyReferenceRow } from './helpers.js';

const catalogue = await loadCatalogue();
const frameworks = [...catalogue.frameworks.values()];
const profiles = [...catalogue.profiles.values()];
const registryText = await readFile(join(PACKAGE_ROOT, 'docs', 'check-ids.md'), 'utf8');
const registry = new Set(parseCheckRegistry(registryText));

/** Every { zh, en } object anywhere in a value, with where it was found. */
function texts(value: unknown, where: string, found: [string, Text][] = []): [string, Text][] {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${where}[${i}]`, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('zh' in record || 'en' in record) found.push([where, record as unknown as Text]);
    else for (const [k, v] of Object.entries(record)) texts(v, `${where}.${k}`, found);
  }
  return found;
}

const CJK = /[\u3400-\u9fff\uff01-\uff5e]/;

describe('check ids', () => {
  it('the registry lists ids only once', () => {
    const all = parseCheckRegistry(registryText);
    expect(all.length).toBe(registry.size);
  });

  it.each(frameworks.map((f) => [f.id, f] as const))(
    '%s references only registered checks',
    (_id, framework: Framework) => {
      const unknown = framework.requirements.flatMap((r) =>
        r.checks.filter((c) => !registry.has(c)).map((c) => `${r.id}: ${c}`),
      );
      expect(unknown).toEqual([]);
    },
  );

  it.each(profiles.map((p) => [p.id, p] as const))(
    'profile %s references only registered checks',
    (_id, profile: ProviderProfile) => {
      const tables = [profile.checks, ...Object.values(profile.requirements)];
      const named = [
        ...Object.keys(profile.checks),
        ...tables.flatMap((t) =>
          Object.values(t).flatMap((m) => (m.decidedBy?.check ? [m.decidedBy.check] : [])),
        ),
      ];
      expect(named.filter((id) => !registry.has(id))).toEqual([]);
    },
  );

  it('aks-* checks are not applicable outside AKS', () => {
    for (const profile of profiles.filter((p) => p.id !== 'aks')) {
      for (const id of [...registry].filter((c) => c.startsWith('aks-')))
        expect(profile.checks[id]?.mapping, `${profile.id} ${id}`).toBe('not-applicable');
    }
  });
});

describe.each(frameworks.map((f) => [f.id, f] as const))('framework %s', (_id, framework: Framework) => {
  it('has no duplicate requirement ids and every section is declared', () => {
    const ids = framework.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sections = new Set(framework.sections.map((s) => s.id));
    expect(framework.requirements.filter((r) => !sections.has(r.section)).map((r) => r.id)).toEqual([]);
  });

  it('gives every text in Chinese and English, with no Chinese in the English', () => {
    for (const [where, text] of texts(framework, framework.id)) {
      expect(text.zh?.trim(), `${where}.zh`).toBeTruthy();
      expect(text.en?.trim(), `${where}.en`).toBeTruthy();
      expect(CJK.test(text.en), `${where}.en: ${text.en}`).toBe(false);
    }
  });

  it('gives every requirement without checks a procedure, and every requirement a remediation', () => {
    expect(
      framework.requirements.filter((r) => r.checks.length === 0 && !r.procedure).map((r) => r.id),
    ).toEqual([]);
    expect(framework.requirements.filter((r) => !r.remediation).map((r) => r.id)).toEqual([]);
  });

  it.each(profiles.map((p) => [p.id, p] as const))(
    'has a mapping for every requirement under %s',
    (_pid, profile: ProviderProfile) => {
      for (const requirement of framework.requirements) {
        const m = resolveMapping(profile, framework.id, requirement);
        const where = `${profile.id} ${framework.id} ${requirement.id}`;
        expect(MAPPINGS, where).toContain(m.mapping);
        expect(RESPONSIBILITIES, where).toContain(m.responsibility);
        if (m.mapping !== 'assessed') expect(m.reason, `${where} needs a reason`).toBeDefined();
        if (m.mapping === 'provider-attested')
          expect(profile.attestations[m.published?.source ?? '']?.versions, where).toBeDefined();
        if (m.decidedBy) expect(registry.has(m.decidedBy.check), where).toBe(true);
      }
    },
  );
});

describe('profiles', () => {
  it.each(profiles.map((p) => [p.id, p] as const))(
    '%s gives every text in both languages',
    (_id, profile: ProviderProfile) => {
      for (const [where, text] of texts(profile, profile.id)) {
        expect(text.zh?.trim(), `${where}.zh`).toBeTruthy();
        expect(text.en?.trim(), `${where}.en`).toBeTruthy();
        expect(CJK.test(text.en), `${where}.en: ${text.en}`).toBe(false);
      }
    },
  );

  it('kubeadm names the default kubeadm paths', () => {
    const paths = catalogue.profiles.get('kubeadm')!.parameters.paths;
    expect(paths.apiserverManifest).toBe('/etc/kubernetes/manifests/kube-apiserver.yaml');
    expect(paths.pkiDir).toBe('/etc/kubernetes/pki');
    expect(paths.kubeletConfig).toBe('/var/lib/kubelet/config.yaml');
    expect(paths.kubeletConf).toBe('/etc/kubernetes/kubelet.conf');
    expect(paths.etcdDataDir).toBe('/var/lib/etcd');
    expect(paths.cniConfDir).toBe('/etc/cni/net.d');
    expect(paths.proxyKubeconfig).toBeTruthy();
  });

  it('kubeadm assesses every requirement of every framework', () => {
    const kubeadm = catalogue.profiles.get('kubeadm')!;
    for (const f of frameworks)
      for (const r of f.requirements)
        expect(resolveMapping(kubeadm, f.id, r).mapping, `${f.id} ${r.id}`).toBe('assessed');
  });

  it('self-managed points the pod specification checks at systemd units', () => {
    const paths = catalogue.profiles.get('self-managed')!.parameters.paths;
    for (const key of ['apiserverManifest', 'controllerManagerManifest', 'schedulerManifest', 'etcdManifest'])
      expect(paths[key]).toMatch(/\.service$/);
  });
});

describe('q-kxy-cs001-2023 against the published requirements', async () => {
  const reference = await readJson<QkxyReferenceRow[]>(`${REFERENCE_DIR}/q-kxy-cs001-2023-requirements.json`);
  const framework = catalogue.frameworks.get('q-kxy-cs001-2023')!;

  it('carries all 156 requirements of chapter 5, in order', () => {
    expect(reference).toHaveLength(156);
    expect(framework.requirements.map((r) => r.id)).toEqual(reference.map((r) => r.id));
  });

  it.each(reference.map((r) => [r.id, r] as const))(
    '%s keeps the published object, target, text, automation and strength',
    (id, row) => {
      const requirement = framework.requirements.find((r) => r.id === id)!;
      expect(requirement.section).toBe(row.section);
      expect(requirement.object).toBe(row.object);
      expect(requirement.target).toBe(row.target ?? undefined);
      expect(requirement.title.zh).toContain(row.requirement);
      expect(requirement.assessment).toBe(row.automated ? 'automated' : 'manual');
      expect(requirement.strength).toBe(row.strength);
      expect(requirement.procedure, 'Annex A check method').toBeDefined();
    },
  );

  it('names the Annex B exception scenarios a waiver may cite', () => {
    const scenarios = framework.exceptionScenarios ?? [];
    expect(scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'privileged-csi-driver',
        'host-pid-node-monitoring',
        'net-raw-network-load-balancer',
      ]),
    );
    for (const s of scenarios) expect(s.appliesTo?.length, s.id).toBeGreaterThan(0);
  });
});

describe('one check per question across frameworks, and one per reading where the standards differ', () => {
  const find = (f: string, id: string) =>
    catalogue.frameworks.get(f)!.requirements.find((r) => r.id === id)!.checks;
  it('CIS 1.2.1 asks false outright; Q/KXY 5.1.2.1 also accepts true with RBAC limited to health checks', () => {
    expect(find('cis-kubernetes-1.11.1', '1.2.1')).toEqual(['apiserver-anonymous-auth']);
    expect(find('q-kxy-cs001-2023', '5.1.2.1')).toEqual(['apiserver-anonymous-auth-rbac']);
  });
  it('the etcd data directory owner: CIS 1.1.12 etcd:etcd, Q/KXY 5.4.1.4 root:root', () => {
    expect(find('cis-kubernetes-1.11.1', '1.1.12')).toEqual(['file-etcd-data-dir-owner']);
    expect(find('q-kxy-cs001-2023', '5.4.1.4')).toEqual(['file-etcd-data-dir-owner-root']);
  });
  it('Q/KXY 5.7.5.1 (CPU) and 5.7.5.2 (memory) each have their own check', () => {
    expect(find('q-kxy-cs001-2023', '5.7.5.1')).toEqual(['workload-cpu-requests-limits']);
    expect(find('q-kxy-cs001-2023', '5.7.5.2')).toEqual(['workload-memory-requests-limits']);
  });
});
