// A user's profile file that `extends` a built-in one: paths and mappings laid over the parent, validated the same way.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES_DIR, loadCatalogue, loadProfileFile, resolveProfile } from '../../src/catalogue/load.js';
import { resolveMapping } from '../../src/evaluate/applicability.js';

async function profileFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'kube-evidence-profile-')), 'site.yaml');
  await writeFile(file, text);
  return file;
}

describe('profile files that extend a built-in profile', () => {
  it('override a path and a check mapping, keeping everything else from the parent', async () => {
    const catalogue = await loadCatalogue(`${PROFILES_DIR}/`);
    const file = await profileFile(`# site profile
id: kubeadm-site
extends: kubeadm
parameters:
  paths:
    kubeletConfig: /etc/kubernetes/kubelet-config.yaml
checks:
  apiserver-profiling:
    mapping: not-applicable
    reason: { zh: 由站点基线另行覆盖, en: Covered by the site baseline }
`);
    const profile = await resolveProfile(catalogue, file);
    const kubeadm = catalogue.profiles.get('kubeadm')!;
    expect(profile.id).toBe('kubeadm-site');
    expect(profile.parameters.paths.kubeletConfig).toBe('/etc/kubernetes/kubelet-config.yaml');
    expect(profile.parameters.paths.pkiDir).toBe(kubeadm.parameters.paths.pkiDir);
    expect(profile.title).toEqual(kubeadm.title);
    expect(profile.checks['apiserver-profiling']).toMatchObject({ mapping: 'not-applicable' });
    expect(profile.checks['aks-kms-enabled']).toEqual(kubeadm.checks['aks-kms-enabled']);
    const requirement = catalogue.frameworks
      .get('cis-kubernetes-1.11.1')!
      .requirements.find((r) => r.id === '1.2.15')!;
    expect(resolveMapping(profile, 'cis-kubernetes-1.11.1', requirement).mapping).toBe('not-applicable');
    expect(catalogue.profiles.get('kubeadm-site')).toBe(profile);
  });

  it('must extend a built-in profile', async () => {
    const catalogue = await loadCatalogue(`${PROFILES_DIR}/`);
    const file = await profileFile('id: site\nextends: openshift\n');
    await expect(loadProfileFile(catalogue, file)).rejects.toThrow(
      /site\.yaml:2: extends: unknown profile "openshift"/,
    );
  });

  it('is validated like a built-in profile', async () => {
    const catalogue = await loadCatalogue(`${PROFILES_DIR}/`);
    const file = await profileFile(
      'id: site\nextends: kubeadm\nchecks:\n  kubelet-nonsense:\n    mapping: assessed\n',
    );
    await expect(loadProfileFile(catalogue, file)).rejects.toThrow(
      /site\.yaml:4: checks\.kubelet-nonsense: unknown check id/,
    );
  });

  it('cannot take a built-in id', async () => {
    const catalogue = await loadCatalogue(`${PROFILES_DIR}/`);
    const file = await profileFile('id: aks\nextends: kubeadm\n');
    await expect(loadProfileFile(catalogue, file)).rejects.toThrow(
      /site\.yaml:1: id: "aks" is a built-in profile id/,
    );
  });
});
