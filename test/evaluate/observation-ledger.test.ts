// The examples of verdicts without evidence, one test each: what was not seen completely cannot pass.
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assessDir,
  copySnapshot,
  editJson,
  gapText,
  type LooseJson,
  removeSnapshot,
  resultOf,
} from '../helpers/assess-snapshot.js';

const scratch: string[] = [];
afterEach(async () => {
  await Promise.all(scratch.splice(0).map(removeSnapshot));
});

/** Replaces a JSON file of the snapshot by what `change` makes of it. */
async function rewriteJson(dir: string, file: string, change: (body: LooseJson) => unknown): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, JSON.stringify(change(JSON.parse(await readFile(path, 'utf8')))));
}

async function variant(sample: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = await copySnapshot(`samples/${sample}`, edit);
  scratch.push(dir);
  return dir;
}

describe('a claimed kind without its file passes', () => {
  it.each([
    ['clusterrolebindings.json', 'ClusterRoleBinding', ['5.1.1']],
    ['roles.json', 'Role', ['5.1.3']],
    ['namespaces.json', 'Namespace', ['5.3.2']],
    ['pods.json', 'Pod', ['5.6.4']],
    ['clusterroles.json', 'ClusterRole', ['5.1.8', '5.1.10', '5.1.13']],
  ])(
    'aks-prod without kubernetes/%s (still claimed in snapshot.json) gives error, not pass',
    async (file, kind, ids) => {
      const dir = await variant('aks-prod', (d) => unlink(join(d, 'kubernetes', file)));
      const a = await assessDir(dir, 'aks');
      for (const id of ids) expect(resultOf(a, id).status, id).toBe('error');
      expect(gapText(a)).toContain(
        `lists ${kind} as collected, but no file under kubernetes/ holds its list`,
      );
    },
  );

  it('a collected snapshot that lost all kubernetes/*.json has no section-5 pass and no higher score', async () => {
    const before = await assessDir('samples/kubeadm-lab', 'kubeadm');
    const dir = await variant('kubeadm-lab', async (d) => {
      for (const f of await readdir(join(d, 'kubernetes')))
        if (f.endsWith('.json')) await unlink(join(d, 'kubernetes', f));
    });
    const a = await assessDir(dir, 'kubeadm');
    expect(
      a.results.filter((r) => r.section.startsWith('5') && r.status === 'pass').map((r) => r.id),
    ).toEqual([]);
    expect(a.summary.score ?? 0).toBeLessThanOrEqual(before.summary.score ?? 0);
  });
});

describe('repeated pages pass', () => {
  it('a pod list holding the same page twice (uids seen twice) is a gap, and 5.2.x cannot pass', async () => {
    const dir = await variant('kubeadm-lab', (d) =>
      editJson(d, 'kubernetes/pods.json', (list) => {
        list.items = [...list.items, ...list.items];
      }),
    );
    const a = await assessDir(dir, 'kubeadm');
    expect(gapText(a)).toMatch(/kubernetes\/pods\.json: Pod .* appears twice/);
    for (const id of ['5.2.2', '5.2.3', '5.2.4']) expect(resultOf(a, id).status, id).not.toBe('pass');
  });

  it('a list saved with a continue token still set is incomplete', async () => {
    const dir = await variant('kubeadm-lab', (d) =>
      editJson(d, 'kubernetes/pods.json', (list) => {
        list.metadata = { continue: 'eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ' };
      }),
    );
    const a = await assessDir(dir, 'kubeadm');
    expect(gapText(a)).toContain('kubernetes/pods.json: the list is incomplete (metadata.continue is set');
    expect(resultOf(a, '5.2.3').status).toBe('error');
  });
});

describe('one node’s facts missing, all nodes pass', () => {
  it('deleting one node’s configz on AKS leaves that node unobserved and 4.2.4 cannot pass', async () => {
    const dir = await variant('aks-prod', (d) =>
      unlink(join(d, 'kubernetes', 'configz', 'aks-system-31415926-vmss000000.json')),
    );
    const a = await assessDir(dir, 'aks');
    expect(gapText(a)).toContain('node aks-system-31415926-vmss000000');
    expect(gapText(a)).toContain('has no kubelet configuration (configz)');
    expect(resultOf(a, '4.2.4').status).not.toBe('pass');
  });

  it('a node of the Node list without node facts on kubeadm is named, and node checks cannot pass', async () => {
    const dir = await variant('kubeadm-lab', async (d) => {
      await unlink(join(d, 'nodes', 'lab-worker-1.json'));
    });
    const a = await assessDir(dir, 'kubeadm');
    expect(gapText(a)).toContain(
      'node lab-worker-1 (runs pods; the snapshot has no Node list) has no node facts',
    );
    const nodeRows = a.results.filter((r) => r.section.startsWith('4.1'));
    expect(nodeRows.filter((r) => r.status === 'pass').map((r) => r.id)).toEqual([]);
  });
});

describe('an export that cannot be real is taken as a clean cluster', () => {
  const empty = (file: string) => (d: string) =>
    editJson(d, `kubernetes/${file}`, (list) => {
      list.items = [];
    });

  it('an empty namespaces.json does not pass 5.3.2', async () => {
    const a = await assessDir(await variant('aks-prod', empty('namespaces.json')), 'aks');
    expect(resultOf(a, '5.3.2').status).toBe('error');
    expect(gapText(a)).toContain('kubernetes/namespaces.json: the list lacks the built-in namespaces');
  });

  it('an empty clusterroles.json passes none of 5.1.2–5.1.13 on kubeadm', async () => {
    const a = await assessDir(await variant('kubeadm-lab', empty('clusterroles.json')), 'kubeadm');
    const ids = a.results.filter((r) => /^5\.1\.(\d+)$/.test(r.id) && Number(r.id.split('.')[2]) >= 2);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.filter((r) => r.status === 'pass').map((r) => r.id)).toEqual([]);
    expect(gapText(a)).toContain('the built-in ClusterRole cluster-admin');
  });

  it('an empty pods.json passes no section-5 pod row', async () => {
    const before = await assessDir('samples/kubeadm-lab', 'kubeadm');
    const a = await assessDir(await variant('kubeadm-lab', empty('pods.json')), 'kubeadm');
    const newPasses = a.results.filter(
      (r) => r.status === 'pass' && resultOf(before, r.id).status !== 'pass',
    );
    expect(newPasses.map((r) => r.id)).toEqual([]);
    expect(gapText(a)).toContain("kubernetes/pods.json: the list lacks kube-system's pods");
  });

  it('a namespace-scoped pod list (kubectl get pods -n app) saved as the pod list is a partial export', async () => {
    const dir = await variant('kubeadm-lab', (d) =>
      editJson(d, 'kubernetes/pods.json', (list) => {
        list.items = list.items.filter((p: LooseJson) => p.metadata.namespace === 'inventory');
      }),
    );
    const a = await assessDir(dir, 'kubeadm');
    for (const id of ['5.2.2', '5.2.3', '5.2.4', '5.2.5'])
      expect(resultOf(a, id).status, id).not.toBe('pass');
    expect(gapText(a)).toContain("lacks kube-system's pods");
  });
});

describe('wrong types pass', () => {
  it('privileged: "true" and hostPID: "true" as strings are a gap naming file, object and path, never a pass', async () => {
    const dir = await variant('kubeadm-lab', (d) =>
      editJson(d, 'kubernetes/pods.json', (list) => {
        const pod = list.items.find((p: LooseJson) => p.metadata.namespace === 'inventory');
        pod.spec.hostPID = 'true';
        pod.spec.containers[0].securityContext = { privileged: 'true' };
      }),
    );
    const a = await assessDir(dir, 'kubeadm');
    expect(resultOf(a, '5.2.2').status).not.toBe('pass');
    expect(resultOf(a, '5.2.3').status).not.toBe('pass');
    expect(gapText(a)).toMatch(
      /kubernetes\/pods\.json: Pod inventory\/\S+: spec\.hostPID is string, expected boolean/,
    );
  });

  it('a mistyped kubelet setting in configz is a gap naming the file and path', async () => {
    const dir = await variant('kubeadm-lab', (d) =>
      editJson(d, 'kubernetes/configz/lab-worker-1.json', (body) => {
        body.kubeletconfig.readOnlyPort = '0';
      }),
    );
    const a = await assessDir(dir, 'kubeadm');
    expect(gapText(a)).toContain(
      'kubernetes/configz/lab-worker-1.json: kubeletconfig.readOnlyPort is string',
    );
  });

  it('enableRBAC: "true" as a string in the managed cluster is a gap, not an observed setting', async () => {
    const dir = await variant('aks-prod', (d) =>
      editJson(d, 'azure/managed-cluster.json', (body) => {
        (body.properties ?? body).enableRBAC = 'true';
      }),
    );
    const a = await assessDir(dir, 'aks');
    expect(gapText(a)).toContain('azure/managed-cluster.json: enableRbac is string, expected boolean');
  });
});

describe('attestations the cluster contradicts', () => {
  it('an AKS 1.29 payload with enableRBAC: false fails 1.2.6–1.2.8 and NSA 3.3, showing the published pass beside it', async () => {
    const dir = await variant('aks-prod', (d) =>
      editJson(d, 'azure/managed-cluster.json', (body) => {
        const props = body.properties ?? body;
        props.enableRBAC = false;
        props.kubernetesVersion = '1.29.9';
        props.currentKubernetesVersion = '1.29.9';
      }),
    );
    const before = await assessDir('samples/aks-prod', 'aks');
    const cis = await assessDir(dir, 'aks');
    for (const id of ['1.2.6', '1.2.7', '1.2.8']) {
      expect(resultOf(before, id).status, id).toBe('provider-attested');
      const result = resultOf(cis, id);
      expect(result.status, id).toBe('fail');
      expect(result.reason.en).toBe(
        'published: pass; this cluster: RBAC disabled (enableRBAC is false) → fail',
      );
      expect(result.reason.zh).toContain('提供商公布：通过；本群集：');
      expect(result.contradiction?.en).toContain('the facts decide');
      expect(result.evidence).toEqual([
        expect.objectContaining({
          path: 'azure:enableRbac',
          observed: false,
          file: 'azure/managed-cluster.json',
        }),
      ]);
    }
    const nsa = await assessDir(dir, 'aks', 'nsa-cisa-1.2');
    expect(resultOf(nsa, '3.3').status).toBe('fail');
    expect(resultOf(nsa, '3.3').reason.en).toContain('published: pass; this cluster: RBAC disabled');
  });

  it('a kubelet feature gate seen off in configz defeats the published pass of 1.3.6', async () => {
    const dir = await variant('aks-prod', (d) =>
      editJson(d, 'kubernetes/configz/aks-system-31415926-vmss000000.json', (body) => {
        body.kubeletconfig.featureGates.RotateKubeletServerCertificate = false;
      }),
    );
    const result = resultOf(await assessDir(dir, 'aks'), '1.3.6');
    expect(result.status).toBe('fail');
    expect(result.reason.en).toContain('published: pass; this cluster:');
    expect(result.evidence[0]).toMatchObject({
      file: 'kubernetes/configz/aks-system-31415926-vmss000000.json',
      observed: false,
    });
  });
});

describe('someone else’s diagnostic setting counts', () => {
  const OTHER =
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-other/providers/Microsoft.ContainerService/managedClusters/aks-other';

  it('a setting whose id belongs to another resource is not this cluster’s audit-log export (1.2.17, 1.2.18, NSA 4.1/4.2)', async () => {
    const dir = await variant('aks-prod', (d) =>
      editJson(d, 'azure/diagnostic-settings.json', (list) => {
        for (const setting of list)
          setting.id = `${OTHER}/providers/microsoft.insights/diagnosticSettings/${setting.name}`;
      }),
    );
    const before = await assessDir('samples/aks-prod', 'aks');
    const a = await assessDir(dir, 'aks');
    expect(resultOf(before, '1.2.17').status).toBe('equivalent-control');
    for (const id of ['1.2.17', '1.2.18'])
      expect(resultOf(a, id).status, id).not.toMatch(/pass|equivalent-control/);
    expect(gapText(a)).toContain('not attached to this cluster');
    const nsa = await assessDir(dir, 'aks', 'nsa-cisa-1.2');
    for (const id of ['4.1', '4.2'])
      expect(resultOf(nsa, id).status, id).not.toMatch(/pass|equivalent-control/);
  });

  it('the cluster id compares case-insensitively, as ARM ids do', async () => {
    const dir = await variant('aks-prod', (d) =>
      editJson(d, 'azure/diagnostic-settings.json', (list) => {
        for (const setting of list) setting.id = String(setting.id).toUpperCase();
      }),
    );
    expect(resultOf(await assessDir(dir, 'aks'), '1.2.17').status).toBe('equivalent-control');
  });

  it('a single setting object (az monitor diagnostic-settings show) is accepted', async () => {
    const dir = await variant('aks-prod', (d) =>
      rewriteJson(d, 'azure/diagnostic-settings.json', (list) => list[0]),
    );
    const result = resultOf(await assessDir(dir, 'aks'), '1.2.17');
    expect(result.status).toBe('equivalent-control');
    expect(result.reason.en).toContain('aks-to-law');
  });

  it('a {value:[…]} list is accepted', async () => {
    const dir = await variant('aks-prod', (d) =>
      rewriteJson(d, 'azure/diagnostic-settings.json', (list) => ({ value: list })),
    );
    expect(resultOf(await assessDir(dir, 'aks'), '1.2.17').status).toBe('equivalent-control');
  });

  it('a cluster body without a top-level name takes it from its id', async () => {
    const dir = await variant('aks-prod', (d) =>
      editJson(d, 'azure/managed-cluster.json', (body) => {
        delete body.name;
        if (body.properties) delete body.properties.name;
      }),
    );
    const a = await assessDir(dir, 'aks');
    expect(a.cluster.resourceId).toMatch(/managedClusters\/aks-payments-prod$/);
    expect(resultOf(a, '1.2.17').status).toBe('equivalent-control');
  });

  it('a {value:[…]} of clusters gets one line saying how many it holds and how to pass one', async () => {
    const dir = await variant('aks-prod', (d) =>
      rewriteJson(d, 'azure/managed-cluster.json', (body) => ({ value: [body, body] })),
    );
    await expect(assessDir(dir, 'aks')).rejects.toThrow(
      /managed-cluster\.json: value: holds a list of 2 managed clusters; pass one cluster: `az aks show -g RESOURCE_GROUP -n NAME -o json`/,
    );
  });
});

describe('kube-system dropped on kubeadm', () => {
  const RBAC = 'rbac.authorization.k8s.io';
  const meta = (name: string, uid: string) => ({ name, namespace: 'kube-system', uid });

  it('a RoleBinding in kube-system granting User jane get/list on secrets is reported for 5.1.2', async () => {
    const dir = await variant('kubeadm-lab', async (d) => {
      await editJson(d, 'kubernetes/roles.json', (list) => {
        list.items.push({
          apiVersion: `${RBAC}/v1`,
          kind: 'Role',
          metadata: meta('secret-reader', 'r-jane-1'),
          rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }],
        });
      });
      await editJson(d, 'kubernetes/rolebindings.json', (list) => {
        list.items.push({
          apiVersion: `${RBAC}/v1`,
          kind: 'RoleBinding',
          metadata: meta('jane-reads-secrets', 'rb-jane-1'),
          roleRef: { apiGroup: RBAC, kind: 'Role', name: 'secret-reader' },
          subjects: [{ apiGroup: RBAC, kind: 'User', name: 'jane' }],
        });
      });
    });
    const result = resultOf(await assessDir(dir, 'kubeadm'), '5.1.2');
    expect(result.status).not.toBe('pass');
    expect(result.offenders.map((o) => String(o.value))).toEqual(
      expect.arrayContaining([expect.stringContaining('jane')]),
    );
  });

  it('a Role in kube-system with * is reported for 5.1.3', async () => {
    const dir = await variant('kubeadm-lab', (d) =>
      editJson(d, 'kubernetes/roles.json', (list) => {
        list.items.push({
          apiVersion: `${RBAC}/v1`,
          kind: 'Role',
          metadata: meta('everything', 'r-star-1'),
          rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
        });
      }),
    );
    const result = resultOf(await assessDir(dir, 'kubeadm'), '5.1.3');
    expect(result.status).toBe('fail');
    expect(result.offenders.map((o) => `${o.namespace}/${o.name}`)).toContain('kube-system/everything');
  });

  it('kubeadm results never say kube-system is the provider’s (由提供商负责，未计入)', async () => {
    const a = await assessDir('samples/kubeadm-lab', 'kubeadm');
    const texts = a.results.map((r) => `${r.reason.zh} ${r.reason.en}`).join('\n');
    expect(texts).not.toContain('由提供商负责，未计入');
    expect(texts).not.toContain('namespaces the profile sets aside');
  });

  it('AKS shows its written reason next to every result its excluded namespaces change', async () => {
    const a = await assessDir('samples/aks-prod', 'aks');
    const affected = a.results.filter((r) => r.reason.en.includes('namespaces the profile sets aside'));
    expect(affected.length).toBeGreaterThan(0);
    for (const r of affected) {
      expect(r.reason.en, r.id).toContain('AKS managed add-ons Microsoft deploys and maintains');
      expect(r.reason.zh, r.id).toContain('由 Microsoft 部署和维护的 AKS 托管组件');
    }
  });
});

describe('any system: name is trusted as built-in', () => {
  it.each(['kubeadm-lab', 'aks-prod'])(
    '%s: a user-made ClusterRole system:test with */*/* bound to User testuser fails 5.1.3',
    async (sample) => {
      const RBAC = 'rbac.authorization.k8s.io';
      const dir = await variant(sample, async (d) => {
        await editJson(d, 'kubernetes/clusterroles.json', (list) => {
          list.items.push({
            apiVersion: `${RBAC}/v1`,
            kind: 'ClusterRole',
            metadata: { name: 'system:test', uid: 'cr-system-test' },
            rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
          });
        });
        await editJson(d, 'kubernetes/clusterrolebindings.json', (list) => {
          list.items.push({
            apiVersion: `${RBAC}/v1`,
            kind: 'ClusterRoleBinding',
            metadata: { name: 'system:test', uid: 'crb-system-test' },
            roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'system:test' },
            subjects: [{ apiGroup: RBAC, kind: 'User', name: 'testuser' }],
          });
        });
      });
      const result = resultOf(await assessDir(dir, sample === 'aks-prod' ? 'aks' : 'kubeadm'), '5.1.3');
      expect(result.status).toBe('fail');
      expect(result.offenders.map((o) => o.name)).toContain('system:test');
    },
  );
});
