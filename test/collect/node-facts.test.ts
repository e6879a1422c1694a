// collect-node against a fake node root and a fake /proc: modes, owners from the node's passwd, children, content, argv.
import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { collectNodeFacts } from '../../src/collect/node/collect-node.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { NodeFacts } from '../../src/model/facts.js';
import { runCli } from '../helpers/cli.js';
import { selfSignedCertificate } from '../helpers/tls.js';

const KEY_MATERIAL = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tZmFrZS1rZXk=';
const ENCRYPTION_SECRET = 'c2VjcmV0LWFlc2NiYy1rZXktMzItYnl0ZXMtbG9uZyE=';
/** A real certificate for the cluster CA, so its fingerprint can be checked against node:crypto's. */
const CLUSTER_CA = selfSignedCertificate('kubernetes').cert;

let work: string;
let root: string;
let proc: string;

async function put(path: string, text: string, mode: number): Promise<void> {
  const file = join(root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  await chmod(file, mode);
}

async function processes(entries: Record<number, string[]>): Promise<void> {
  for (const [pid, argv] of Object.entries(entries)) {
    await mkdir(join(proc, pid), { recursive: true });
    await writeFile(join(proc, pid, 'cmdline'), argv.length ? `${argv.join('\0')}\0` : '');
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-node-'));
  root = join(work, 'root');
  proc = join(work, 'proc');
  const uid = process.getuid!();
  const gid = process.getgid!();
  // Names only this fake node knows, so the test proves the node's passwd and group are the ones read.
  await put('etc/passwd', `node-owner:x:${uid}:${gid}::/root:/bin/sh\n`, 0o644);
  await put('etc/group', `node-group:x:${gid}:\n`, 0o644);
  await put('etc/hostname', 'fake-cp-1\n', 0o644);
  await put(
    'etc/kubernetes/manifests/kube-apiserver.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: kube-apiserver, namespace: kube-system}\nspec:\n  containers:\n  - name: kube-apiserver\n    command: [kube-apiserver, --anonymous-auth=false]\n    env: [{name: HTTP_PROXY, value: "http://user:pw@proxy:3128"}]\n',
    0o644,
  );
  await put(
    'etc/kubernetes/manifests/etcd.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: etcd, namespace: kube-system}\nspec: {containers: [{name: etcd, command: [etcd]}]}\n',
    0o600,
  );
  await put(
    'etc/kubernetes/admin.conf',
    `apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {client-key-data: ${KEY_MATERIAL}}}]\n`,
    0o600,
  );
  await put('etc/kubernetes/pki/ca.key', KEY_MATERIAL, 0o600);
  await put('etc/kubernetes/pki/ca.crt', CLUSTER_CA, 0o644);
  // Certificate text under a key's name: the collector must not open it, whatever it holds.
  await put('etc/kubernetes/pki/front-proxy-ca-key.pem', CLUSTER_CA, 0o600);
  await put('etc/kubernetes/pki/etcd/ca.key', KEY_MATERIAL, 0o600);
  await put(
    'var/lib/kubelet/config.yaml',
    'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\nauthentication: {anonymous: {enabled: false}, x509: {clientCAFile: /etc/kubelet-ca/ca.pem}}\n',
    0o644,
  );
  await put('etc/kubelet-ca/ca.pem', 'cert', 0o644);
  await put('etc/cni/net.d/10-calico.conflist', '{"name":"k8s-pod-network"}', 0o644);
  await put(
    'etc/kubernetes/audit-policy.yaml',
    'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: [{level: Metadata}]\n',
    0o600,
  );
  await put(
    'etc/kubernetes/enc.yaml',
    `apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n- resources: [secrets]\n  providers:\n  - aescbc: {keys: [{name: key1, secret: ${ENCRYPTION_SECRET}}]}\n  - identity: {}\n`,
    0o600,
  );
  // The kubeadm drop-in is an absolute symlink: it must resolve inside the node's root, not on this machine.
  await put('etc/systemd/kubeadm.conf', '[Service]\n', 0o640);
  await mkdir(join(root, 'usr/lib/systemd/system/kubelet.service.d'), { recursive: true });
  await symlink(
    '/etc/systemd/kubeadm.conf',
    join(root, 'usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf'),
  );
  await mkdir(join(root, 'var/lib/etcd/member'), { recursive: true });
  await chmod(join(root, 'var/lib/etcd'), 0o700);

  await processes({
    1: ['/sbin/init'],
    2: [],
    812: [
      '/usr/local/bin/kube-apiserver',
      '--anonymous-auth=false',
      '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
      '--encryption-provider-config=/etc/kubernetes/enc.yaml',
      '--token-auth-file=/etc/kubernetes/tokens.csv',
      '--enable-bootstrap-token-auth=true',
      '--oidc-client-secret',
      'hunter2-inline',
    ],
    640: [
      '/usr/bin/kubelet',
      '--config=/var/lib/kubelet/config.yaml',
      '--kubeconfig=/etc/kubernetes/kubelet.conf',
    ],
    901: ['etcd', '--data-dir=/var/lib/etcd'],
    950: ['/usr/local/bin/kube-apiserver', '--second-copy'],
  });
  await mkdir(join(proc, 'self'), { recursive: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function collect(profile = 'kubeadm'): Promise<NodeFacts> {
  const catalogue = await loadCatalogue();
  return collectNodeFacts({
    root,
    proc,
    profiles: [catalogue.profiles.get(profile)!],
    now: new Date('2026-11-20T08:31:12Z'),
  });
}

describe('collect-node', () => {
  it('records mode, owner and group by the node’s names, and absent files as absent', async () => {
    const facts = await collect();
    expect(facts.node).toBe('fake-cp-1');
    expect(facts.roles).toEqual(['control-plane']);
    expect(facts.files['/etc/kubernetes/manifests/kube-apiserver.yaml']).toMatchObject({
      exists: true,
      type: 'file',
      mode: '0644',
      owner: 'node-owner',
      group: 'node-group',
    });
    expect(facts.files['/etc/kubernetes/admin.conf']).toMatchObject({ exists: true, mode: '0600' });
    expect(facts.files['/etc/kubernetes/scheduler.conf']).toEqual({ exists: false });
    expect(facts.files['/var/lib/etcd']).toMatchObject({ exists: true, type: 'directory', mode: '0700' });
    expect(facts.files['/var/lib/etcd']?.children).toBeUndefined();
    expect(facts.files['/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf']).toMatchObject({
      exists: true,
      mode: '0640',
    });
  });

  it('records the client CA file that the kubelet configuration names', async () => {
    const facts = await collect();
    expect(facts.files['/etc/kubelet-ca/ca.pem']).toMatchObject({
      exists: true,
      type: 'file',
      mode: '0644',
      owner: 'node-owner',
    });
    expect(facts.files['/etc/kubelet-ca/ca.pem']?.content).toBeUndefined();
  });

  it('lists the PKI and CNI directories with their children', async () => {
    const facts = await collect();
    const pki = facts.files['/etc/kubernetes/pki'];
    expect(pki).toMatchObject({ exists: true, type: 'directory' });
    expect(Object.keys(pki?.children ?? {})).toEqual([
      'ca.crt',
      'ca.key',
      'etcd',
      'etcd/ca.key',
      'front-proxy-ca-key.pem',
    ]);
    expect(pki?.children?.['ca.key']).toMatchObject({ mode: '0600', owner: 'node-owner' });
    expect(facts.files['/etc/cni/net.d']?.children?.['10-calico.conflist']).toMatchObject({ mode: '0644' });
  });

  it('fingerprints certificate files, and never opens a file named as a key', async () => {
    const facts = await collect();
    const pki = facts.files['/etc/kubernetes/pki']?.children ?? {};
    const expected = new X509Certificate(CLUSTER_CA);
    expect(pki['ca.crt']?.certificate).toEqual({
      sha256: expected.fingerprint256.replace(/:/g, '').toLowerCase(),
      subject: 'CN=kubernetes',
      issuer: 'CN=kubernetes',
      notAfter: new Date(expected.validTo).toISOString(),
    });
    expect(pki['front-proxy-ca-key.pem']).toMatchObject({ exists: true, mode: '0600' });
    expect(pki['front-proxy-ca-key.pem']?.certificate).toBeUndefined();
    expect(pki['ca.key']?.certificate).toBeUndefined();
    // A .pem that holds no certificate is recorded as a file, without a fingerprint.
    expect(facts.files['/etc/kubelet-ca/ca.pem']).toMatchObject({ exists: true, mode: '0644' });
    expect(facts.files['/etc/kubelet-ca/ca.pem']?.certificate).toBeUndefined();
  });

  it('parses small configuration files only, redacted, and never key material', async () => {
    const facts = await collect();
    expect(facts.files['/var/lib/kubelet/config.yaml']?.content).toMatchObject({
      kind: 'KubeletConfiguration',
      readOnlyPort: 0,
    });
    expect(facts.files['/etc/kubernetes/audit-policy.yaml']?.content).toMatchObject({ kind: 'Policy' });
    expect(facts.files['/etc/kubernetes/enc.yaml']?.content).toEqual({
      kind: 'EncryptionConfiguration',
      resources: [{ resources: ['secrets'], providers: ['aescbc', 'identity'] }],
    });
    const manifest = JSON.stringify(facts.files['/etc/kubernetes/manifests/kube-apiserver.yaml']?.content);
    expect(manifest).toContain('--anonymous-auth=false');
    expect(manifest).not.toContain('user:pw');
    expect(facts.files['/etc/kubernetes/admin.conf']?.content).toBeUndefined();
    const text = JSON.stringify(facts);
    expect(text).not.toContain(KEY_MATERIAL);
    expect(text).not.toContain(ENCRYPTION_SECRET);
  });

  it('reads component command lines from /proc, first PID wins, inline secrets hidden', async () => {
    const facts = await collect();
    expect(Object.keys(facts.processes).sort()).toEqual(['etcd', 'kube-apiserver', 'kubelet']);
    expect(facts.processes['kube-apiserver']?.pid).toBe(812);
    expect(facts.processes['kube-apiserver']?.argv).toEqual([
      '/usr/local/bin/kube-apiserver',
      '--anonymous-auth=false',
      '--audit-policy-file=/etc/kubernetes/audit-policy.yaml',
      '--encryption-provider-config=/etc/kubernetes/enc.yaml',
      '--token-auth-file=/etc/kubernetes/tokens.csv',
      '--enable-bootstrap-token-auth=true',
      '--oidc-client-secret',
      '<redacted>',
    ]);
    expect(facts.processes.kubelet?.argv).toEqual([
      '/usr/bin/kubelet',
      '--config=/var/lib/kubelet/config.yaml',
      '--kubeconfig=/etc/kubernetes/kubelet.conf',
    ]);
  });

  it('feeds the file checks: the 0644 API server manifest fails, and passes once it is 0600', async () => {
    const snapshot = join(work, 'snap');
    const catalogue = await loadCatalogue();
    const statusOfManifestCheck = async () => {
      const facts = await collect();
      await mkdir(join(snapshot, 'nodes'), { recursive: true });
      await writeFile(join(snapshot, 'nodes', `${facts.node}.json`), JSON.stringify(facts));
      // The Node list says which nodes exist, so the node facts can be seen to cover them all.
      await mkdir(join(snapshot, 'kubernetes'), { recursive: true });
      const nodeList = {
        apiVersion: 'v1',
        kind: 'NodeList',
        metadata: { resourceVersion: '1' },
        items: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: facts.node, uid: 'uid-node' } }],
      };
      await writeFile(join(snapshot, 'kubernetes', 'nodes.json'), JSON.stringify(nodeList));
      const assessment = evaluate(await loadSnapshot(snapshot), catalogue, {
        framework: 'cis-kubernetes-1.11.1',
        profile: 'kubeadm',
      });
      const result = assessment.results.find((r) => r.checks.includes('file-apiserver-manifest-mode'));
      return result?.status;
    };
    expect(await statusOfManifestCheck()).toBe('fail');
    await chmod(join(root, 'etc/kubernetes/manifests/kube-apiserver.yaml'), 0o600);
    try {
      expect(await statusOfManifestCheck()).toBe('pass');
    } finally {
      await chmod(join(root, 'etc/kubernetes/manifests/kube-apiserver.yaml'), 0o644);
    }
  });
});

describe('kube-evidence collect-node', () => {
  it('writes NODE.json into a directory, with a path override and a named node', async () => {
    const out = join(work, 'cli-out') + '/';
    const result = await runCli([
      'collect-node',
      '--root',
      root,
      '--proc',
      proc,
      '--node',
      'cp-override',
      '--profile',
      'self-managed',
      '--path',
      'kubeletConfig=/etc/kubernetes/audit-policy.yaml',
      '--out',
      out,
    ]);
    expect(result.stderr).toContain('node cp-override:');
    expect(result.code).toBe(0);
    const facts = JSON.parse(await readFile(join(out, 'cp-override.json'), 'utf8')) as NodeFacts;
    expect(facts.files['/etc/kubernetes/audit-policy.yaml']).toMatchObject({ exists: true, mode: '0600' });
    expect(facts.files['/var/lib/kubelet/config.yaml']).toMatchObject({ exists: true }); // still found through the kubelet's --config flag
  });

  it('rejects a malformed --path with exit 2', async () => {
    const result = await runCli([
      'collect-node',
      '--root',
      root,
      '--proc',
      proc,
      '--path',
      'kubeletConfig',
      '--out',
      join(work, 'x.json'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--path: "kubeletConfig" is not KEY=/absolute/path');
  });
});
