// Remediation belongs to the profile: no AKS result may tell the customer to edit control-plane files or flags.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Assessment } from '../../src/model/assessment.js';
import type { Facts } from '../../src/model/facts.js';
import { sharedCatalogue } from '../helpers/assess-snapshot.js';

/** Instructions only a kubeadm (self-managed) cluster can follow. */
const KUBEADM_ONLY: [string, RegExp][] = [
  [
    'a control-plane file path',
    /\/etc\/kubernetes\/|\/var\/lib\/etcd|\/etc\/cni\/net\.d|10-kubeadm\.conf|\/var\/lib\/kubelet\/config\.yaml/,
  ],
  [
    'a static pod manifest',
    /kube-apiserver\.yaml|kube-controller-manager\.yaml|kube-scheduler\.yaml|etcd\.yaml/,
  ],
  ['an EncryptionConfiguration', /EncryptionConfiguration/],
  [
    'kube-apiserver arguments',
    /kube-apiserver (arguments|参数)|(arguments|参数)[^.。]*kube-apiserver|kube-apiserver --/,
  ],
  [
    'editing a node by hand',
    /systemctl|restart the kubelet|重启 kubelet|(node|节点)[^.。]*(chmod|chown)|kubeadm/,
  ],
];

/** Options of the az CLI the AKS texts name on their own ("create the pool without --enable-node-public-ip"). */
const AZ_OPTIONS = new Set([
  '--enable-aad',
  '--disable-local-accounts',
  '--enable-private-cluster',
  '--enable-node-public-ip',
  '--outbound-type',
]);

/** A command-line flag outside an az/kubectl command: a component flag the customer cannot set on AKS. */
function bareFlag(text: string): string | undefined {
  const outside = text
    .replace(/`(az|kubectl) [^`]*`/g, '')
    .replace(/\b(az|kubectl) [a-z][^.;,)（）；，。]*/g, '');
  return [...outside.matchAll(/(?:^|[\s(（])(--[a-z][a-z-]+)/g)]
    .map((m) => m[1]!)
    .find((f) => !AZ_OPTIONS.has(f));
}

let catalogue: Catalogue;
let facts: Facts;
let assessments: Assessment[];

beforeAll(async () => {
  catalogue = await sharedCatalogue();
  facts = await loadSnapshot('samples/aks-prod');
  assessments = [...catalogue.frameworks.values()]
    .filter((f) => !f.providers || f.providers.includes('aks'))
    .map((f) => evaluate(facts, catalogue, { framework: f.id, profile: 'aks' }));
});

describe('AKS remediation', () => {
  it('never tells the customer to edit control-plane files, component flags or an EncryptionConfiguration (zh and en)', () => {
    const found: string[] = [];
    for (const a of assessments)
      for (const r of a.results)
        for (const lang of ['zh', 'en'] as const) {
          const text = r.remediation?.[lang];
          if (!text) continue;
          for (const [what, pattern] of KUBEADM_ONLY)
            if (pattern.test(text)) found.push(`${a.framework.id} ${r.id} (${lang}): ${what}: ${text}`);
          const flag = bareFlag(text);
          if (flag) found.push(`${a.framework.id} ${r.id} (${lang}): flag ${flag.trim()}: ${text}`);
        }
    expect(found).toEqual([]);
  });

  it('gives the az aks command on the common customer rows', () => {
    const cis = assessments.find((a) => a.framework.id === 'cis-kubernetes-1.11.1')!;
    for (const id of ['1.2.27', '1.2.28', '4.2.4', '4.2.13', '5.1.1', '5.1.7', '5.2.2', '5.3.2', '5.4.2']) {
      const r = cis.results.find((x) => x.id === id)!;
      expect(r.remediation?.en, id).toContain('az aks');
      expect(r.remediation?.zh, id).toContain('az aks');
    }
    const mentions = assessments
      .flatMap((a) => a.results)
      .filter((r) => r.remediation?.en.includes('az aks'));
    expect(mentions.length).toBeGreaterThan(40);
  });

  it('says on provider rows that no customer action exists and what Microsoft publishes', () => {
    const cis = assessments.find((a) => a.framework.id === 'cis-kubernetes-1.11.1')!;
    const row = (id: string) => cis.results.find((x) => x.id === id)!;
    expect(row('1.1.1').remediation?.en).toMatch(/^No customer action exists/);
    expect(row('1.1.1').remediation?.zh).toMatch(/^客户无需也无法采取任何操作/);
    expect(row('1.2.1').remediation?.en).toContain('The provider publishes "pass" for this item');
    expect(row('1.2.2').remediation?.en).toContain('The provider publishes "fail" for this item');
    expect(row('1.2.2').remediation?.zh).toContain('提供商对此项公布的结果为“不通过”');
    for (const r of cis.results.filter((x) => x.mapping.responsibility === 'provider'))
      expect(r.remediation?.en, r.id).toMatch(/^No customer action exists/);
  });

  it('leaves the kubeadm profile with the framework remediation', () => {
    const a = evaluate(facts, catalogue, { framework: 'cis-kubernetes-1.11.1', profile: 'kubeadm' });
    expect(a.results.find((r) => r.id === '1.1.1')?.remediation?.en).toContain(
      '/etc/kubernetes/manifests/kube-apiserver.yaml',
    );
  });
});
