// Bad catalogue files fail on load with one line naming the file, the line and the field.
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { frameworkSchema, profileSchema } from '../../src/catalogue/schemas.js';
import { parseYaml } from '../../src/catalogue/yaml-source.js';
import { InputError } from '../../src/util/errors.js';
import { brokenCatalogue } from './helpers.js';

const PROFILE = `# test profile
id: demo
title: { zh: 演示, en: Demo }
defaults: { mapping: assessed, responsibility: customer }
checks:
  apiserver-anonymous-auth:
    mapping: equivalent
    responsibility: provider
`;

describe('schema errors', () => {
  it('a bad mapping word names file, line and field, and lists the allowed words', () => {
    expect(() => parseYaml(PROFILE, 'profiles/providers/demo.yaml', profileSchema)).toThrow(
      'profiles/providers/demo.yaml:7: checks.apiserver-anonymous-auth.mapping: mapping "equivalent" is not one of assessed, not-applicable, equivalent-control, environment-dependent, provider-attested',
    );
  });

  it('throws InputError, so the CLI prints one line and exits 2', () => {
    expect(() => parseYaml(PROFILE, 'demo.yaml', profileSchema)).toThrow(InputError);
  });

  it('a misspelt key is an error, not silently ignored', () => {
    const text = PROFILE.replace(
      'mapping: equivalent',
      'mapping: assessed\n    publshed: { source: x, result: pass }',
    );
    expect(() => parseYaml(text, 'demo.yaml', profileSchema)).toThrow(
      /^demo\.yaml:8: checks\.apiserver-anonymous-auth\.publshed: .*publshed/,
    );
  });

  it('a profile without extends needs a title', () => {
    const text = PROFILE.replace('title: { zh: 演示, en: Demo }\n', '').replace(
      'mapping: equivalent',
      'mapping: assessed',
    );
    expect(() => parseYaml(text, 'demo.yaml', profileSchema)).toThrow(
      /^demo\.yaml:2: title: expected \{ zh: …, en: … \}/,
    );
  });

  it('a requirement without English title text points at the title', () => {
    const text = `id: demo
version: '1'
title: { zh: 演示, en: Demo }
sections: [{ id: '1', title: { zh: 一, en: One } }]
requirements:
  - id: '1.1'
    section: '1'
    title: { zh: 标题, en: '' }
    assessment: manual
`;
    expect(() => parseYaml(text, 'fw.yaml', frameworkSchema)).toThrow(
      'fw.yaml:8: requirements[0].title.en: expected English text',
    );
  });
});

describe('cross-reference errors on load', () => {
  const expectLoadError = async (relative: string, edit: (text: string) => string, message: RegExp) => {
    const dir = await brokenCatalogue(relative, edit);
    await expect(loadCatalogue(dir)).rejects.toThrow(message);
  };

  it('a profile mapping an unknown check id', async () => {
    await expectLoadError(
      'providers/kubeadm.yaml',
      (t) => t.replace('  aks-kms-enabled:', '  aks-kms-enabeld:'),
      /kubeadm\.yaml:\d+: checks\.aks-kms-enabeld: unknown check id "aks-kms-enabeld"/,
    );
  });

  it('a published source that is not among the attestations', async () => {
    await expectLoadError(
      'providers/aks.yaml',
      (t) =>
        t.replace(
          'published: { source: ms-aks-cis-1.11.1, result: pass }',
          'published: { source: ms-aks-cis-9, result: pass }',
        ),
      /aks\.yaml:\d+: checks\.apiserver-anonymous-auth\.published\.source: attestation source "ms-aks-cis-9" is not declared/,
    );
  });

  it('an unknown decidedBy check', async () => {
    await expectLoadError(
      'providers/aks.yaml',
      (t) => t.replace('check: aks-kms-enabled,', 'check: aks-kms-on,'),
      /aks\.yaml:\d+: checks\.apiserver-encryption-provider-config\.decidedBy\.check: unknown check id "aks-kms-on"/,
    );
  });

  it('an override for a requirement the framework does not have', async () => {
    await expectLoadError(
      'providers/aks.yaml',
      (t) => t.replace("'5.6.1':", "'5.6.99':"),
      /aks\.yaml:\d+: requirements\.cis-kubernetes-1\.11\.1\.5\.6\.99: requirement "5\.6\.99" is not in cis-kubernetes-1\.11\.1/,
    );
  });

  it('a framework naming a check that is not in the registry', async () => {
    await expectLoadError(
      'frameworks/nsa-cisa-1.2.yaml',
      (t) => t.replace('checks: [workload-root-containers]', 'checks: [workload-rooty]'),
      /nsa-cisa-1\.2\.yaml:\d+: requirements\[0\]\.checks\[0\]: unknown check id "workload-rooty"/,
    );
  });

  it('a duplicate requirement id', async () => {
    await expectLoadError(
      'frameworks/nsa-cisa-1.2.yaml',
      (t) => t.replace("- id: '1.2'", "- id: '1.1'"),
      /nsa-cisa-1\.2\.yaml:\d+: requirements\[1\]\.id: duplicate requirement id "1\.1"/,
    );
  });

  it('reports the line of the offending entry', async () => {
    const dir = await brokenCatalogue('providers/kubeadm.yaml', (t) =>
      t.replace('  aks-kms-enabled:', '  aks-kms-enabeld:'),
    );
    const text = (await import('node:fs/promises')).readFile(`${dir}/providers/kubeadm.yaml`, 'utf8');
    const line = (await text).split('\n').findIndex((l) => l.startsWith('  aks-kms-enabeld:')) + 1;
    await expect(loadCatalogue(dir)).rejects.toThrow(`kubeadm.yaml:${line}: checks.aks-kms-enabeld`);
  });
});
