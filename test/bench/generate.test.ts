// The synthetic cluster generator: same seed gives the same bytes, the output loads, and offences come in realistic shares.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { readLargeJson } from '../../src/facts/json-stream.js';
import { generateSnapshot } from '../../src/generate/generate.js';
import type { Facts, JsonValue, KubeObject } from '../../src/model/facts.js';

const TINY = { nodes: 4, pods: 300, namespaces: 12, rbac: 150 };
const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'gatekeeper-system']);

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kube-evidence-gen-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, 'utf8'));
  }
  return files;
}

const isObject = (v: unknown): v is { [key: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): JsonValue[] => (Array.isArray(v) ? v : []);
const containersOf = (pod: KubeObject) =>
  isObject(pod.spec) ? list(pod.spec.containers).filter(isObject) : [];
const pods = (facts: Facts) => facts.kubernetes.objects.get('Pod') ?? [];

function privilegedOrHostPath(pod: KubeObject): boolean {
  const spec = isObject(pod.spec) ? pod.spec : {};
  const hostPath = list(spec.volumes).some((v) => isObject(v) && v.hostPath !== undefined);
  const privileged = containersOf(pod).some(
    (c) => isObject(c.securityContext) && c.securityContext.privileged === true,
  );
  return hostPath || privileged;
}

describe('generateSnapshot', () => {
  it('writes the same bytes for the same seed, and different ones for another seed', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    const c = join(root, 'c');
    await generateSnapshot({ ...TINY, seed: 'same', out: a });
    await generateSnapshot({ ...TINY, seed: 'same', out: b });
    await generateSnapshot({ ...TINY, seed: 'other', out: c });
    const [fa, fb, fc] = await Promise.all([filesOf(a), filesOf(b), filesOf(c)]);
    expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort());
    for (const [name, text] of fa) expect(fb.get(name), name).toBe(text);
    expect(fc.get('kubernetes/pods.json')).not.toBe(fa.get('kubernetes/pods.json'));
  });

  it('writes an AKS snapshot that loads, with every kind recorded as collected', async () => {
    const dir = join(root, 'aks');
    const summary = await generateSnapshot({ ...TINY, seed: 'load', out: dir });
    const facts = await loadSnapshot(dir);
    expect(pods(facts)).toHaveLength(summary.counts.Pod!);
    expect(summary.counts.Pod).toBeGreaterThanOrEqual(TINY.pods);
    expect(facts.kubernetes.objects.get('Namespace')).toHaveLength(TINY.namespaces);
    expect(facts.kubernetes.objects.get('Node')).toHaveLength(TINY.nodes);
    expect(facts.cluster.provider).toBe('aks');
    expect(facts.azure.managedCluster?.enableRbac).toBe(true);
    expect(facts.kubernetes.configz.size).toBe(TINY.nodes);
    for (const kind of ['Pod', 'NetworkPolicy', 'ClusterRoleBinding', 'Deployment', 'ReplicaSet', 'Secret'])
      expect(facts.kubernetes.collectedKinds.has(kind)).toBe(true);
    const rbac = ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].reduce(
      (sum, kind) => sum + (facts.kubernetes.objects.get(kind)?.length ?? 0),
      0,
    );
    expect(rbac).toBe(TINY.rbac);
  });

  it('plants offences in the stated shares', async () => {
    const dir = join(root, 'offences');
    await generateSnapshot({ ...TINY, seed: 'offences', out: dir });
    const facts = await loadSnapshot(dir);
    const user = pods(facts).filter((p) => !SYSTEM.has(p.metadata.namespace ?? ''));
    const share = user.filter(privilegedOrHostPath).length / user.length;
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.1);

    expect(pods(facts).some((p) => isObject(p.spec) && p.spec.hostNetwork === true)).toBe(true);
    const containers = user.flatMap(containersOf);
    expect(containers.some((c) => !isObject(c.resources) || !isObject(c.resources.limits))).toBe(true);
    expect(
      containers.some(
        (c) => typeof c.image === 'string' && (c.image.endsWith(':latest') || !/:[^/]+$/.test(c.image)),
      ),
    ).toBe(true);

    const adminBindings = (facts.kubernetes.objects.get('ClusterRoleBinding') ?? []).filter(
      (b) => isObject(b.roleRef) && b.roleRef.name === 'cluster-admin',
    );
    expect(adminBindings.length).toBeGreaterThan(1);
    const wildcard = [
      ...(facts.kubernetes.objects.get('ClusterRole') ?? []),
      ...(facts.kubernetes.objects.get('Role') ?? []),
    ].filter((r) =>
      list(r.rules).some(
        (rule) => isObject(rule) && (list(rule.verbs).includes('*') || list(rule.resources).includes('*')),
      ),
    );
    expect(wildcard.length).toBeGreaterThan(1);

    const withPolicy = new Set(
      (facts.kubernetes.objects.get('NetworkPolicy') ?? []).map((p) => p.metadata.namespace),
    );
    const bare = (facts.kubernetes.objects.get('Namespace') ?? []).filter(
      (ns) => !SYSTEM.has(ns.metadata.name) && !withPolicy.has(ns.metadata.name),
    );
    expect(bare.length).toBeGreaterThan(0);
  });

  it('writes node facts for kubeadm control-plane nodes, and static pods owned by their node', async () => {
    const dir = join(root, 'kubeadm');
    await generateSnapshot({ nodes: 12, pods: 300, seed: 'kubeadm', profile: 'kubeadm', out: dir });
    const facts = await loadSnapshot(dir);
    expect(facts.cluster.provider).toBe('kubeadm');
    const controlPlane = [...facts.nodes.values()].filter((n) => n.roles?.includes('control-plane'));
    expect(controlPlane.length).toBeGreaterThan(0);
    expect(controlPlane[0]!.processes['kube-apiserver']?.argv[0]).toBe('kube-apiserver');
    expect(pods(facts).some((p) => p.metadata.ownerReferences?.[0]?.kind === 'Node')).toBe(true);
  });

  it('gives every pod a name of its own in its namespace, at 5,000 nodes too', async () => {
    // Six DaemonSets on 5,000 nodes draw 30,000 five-letter suffixes: without a retry some repeat, and a
    // collector (rightly) refuses a Pod list that serves one name twice.
    const dir = join(root, 'many-nodes');
    await generateSnapshot({ nodes: 5_000, pods: 100, namespaces: 10, rbac: 50, seed: '1', out: dir });
    const doc = (await readLargeJson(join(dir, 'kubernetes', 'pods.json'))) as { items: KubeObject[] };
    const names = doc.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names.length).toBeGreaterThan(30_000);
    expect(new Set(names).size).toBe(names.length);
  }, 60_000);

  it('refuses to overwrite a non-empty directory unless forced', async () => {
    const dir = join(root, 'aks');
    await expect(generateSnapshot({ ...TINY, out: dir })).rejects.toThrow(/already exists/);
  });
});

describe('readLargeJson', () => {
  it('gives what JSON.parse gives, whatever the chunk size', async () => {
    const file = join(root, 'a', 'kubernetes', 'pods.json');
    const whole: unknown = JSON.parse(await readFile(file, 'utf8'));
    for (const chunk of [97, 4096, 1 << 20]) expect(await readLargeJson(file, chunk)).toEqual(whole);
  });

  it('handles escapes, nesting, scalar items and documents without items', async () => {
    const cases = [
      '{"items":[]}',
      '\ufeff{"kind":"List","items":[1, "a]\\"", {"x":"}\\\\"}, [1,[2]], null ],"metadata":{"a":[1]}}',
      '[1,2]',
      '{"a":{"items":[1]},"items":[{"b":"\\\\"}]}',
      '  {"items" : [ {"a":1} ] , "kind":"PodList"}  ',
    ];
    for (const [index, text] of cases.entries()) {
      const file = join(root, `case-${index}.json`);
      await writeFile(file, text);
      for (const chunk of [3, 1 << 20])
        expect(await readLargeJson(file, chunk), text).toEqual(JSON.parse(text.replace(/^\ufeff/, '')));
    }
    await writeFile(join(root, 'cut.json'), '{"items":[{"a":1},{"b":');
    await expect(readLargeJson(join(root, 'cut.json'))).rejects.toThrow(/not valid JSON/);
  });
});
