// collect against a hostile Kubernetes API server: traversal names, repeated and endless pages, trickling answers, echoed tokens, Secret data.
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectCluster, type CollectResult } from '../../src/collect/collect-cluster.js';
import type { KubernetesCollectOptions } from '../../src/collect/kubernetes-api.js';
import { runCli } from '../helpers/cli.js';
import {
  startFakeKubeServer,
  type FakeKubeOptions,
  type FakeKubeServer,
} from '../helpers/fake-kube-server.js';
import { KUBELET_CONFIG, SECRET_VALUE, namespace, node, pod, secret } from '../collect/kube-fixtures.js';

const FAST_RETRY = { retries: 1, baseDelayMs: 5, maxDelayMs: 10 };
const PODS = Array.from({ length: 6 }, (_, i) => pod('app', `pod-${i}`, { privileged: i >= 4 }));

let work: string;
let server: FakeKubeServer | undefined;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-hostile-kube-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(work, { recursive: true, force: true });
});

async function collectFrom(
  options: FakeKubeOptions,
  kube: Partial<KubernetesCollectOptions> = {},
): Promise<{ result: CollectResult; out: string; progress: string[] }> {
  server = await startFakeKubeServer(options);
  const kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
  const out = join(work, 'snap');
  const progress: string[] = [];
  const result = await collectCluster({
    outDir: out,
    onAzureFailure: 'fail',
    kubernetes: { kubeconfig, pageSize: 2, timeoutMs: 3000, retry: FAST_RETRY, ...kube },
    progress: (line) => progress.push(line),
  });
  return { result, out, progress };
}

const gapOf = (result: CollectResult, part: string) => result.gaps.find((g) => g.part === part);

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('names from the server never become paths unchecked', () => {
  it.each([
    ['a relative traversal', (target: string) => `../../../../../../../..${target}/PWNED-configz`],
    ['an absolute path', (target: string) => `${target}/PWNED-configz`],
    ['a name with a slash', () => 'node-a/../../PWNED-configz'],
    ['an upper-case name', () => 'NODE-A'],
    ['a 300-character name', () => 'n'.repeat(300)],
  ])('%s as a node name is refused: nothing written outside the snapshot', async (_, nameFor) => {
    const target = join(work, 'outside');
    await mkdir(target);
    const hostileName = nameFor(target);
    const { result, out } = await collectFrom({
      objects: { nodes: [node(hostileName), node('node-good')], namespaces: [namespace('app')] },
      configz: { [hostileName]: KUBELET_CONFIG, 'node-good': KUBELET_CONFIG },
    });
    expect(await readdir(target)).toEqual([]);
    expect(await readdir(work)).toEqual(expect.arrayContaining(['outside', 'snap', 'kubeconfig']));
    expect(await readdir(work)).toHaveLength(3);
    expect(await readdir(join(out, 'kubernetes', 'configz'))).toEqual(['node-good.json']);
    const gap = result.gaps.find((g) => g.reason.includes('DNS-1123'));
    expect(gap?.part).toBe('kubernetes:configz');
    expect(gap?.reason.length).toBeLessThan(300);
    // The kubelet of the refused node was never even asked.
    expect(server!.requests.filter((r) => r.path.includes('PWNED')).length).toBe(0);
  });
});

describe('bounded, verified pagination', () => {
  it('a page served twice makes the list incomplete: a gap and no short pods.json', async () => {
    const { result, out } = await collectFrom({ objects: { pods: PODS }, hostile: { repeatPage: ['pods'] } });
    expect(gapOf(result, 'kubernetes:Pod')?.reason).toMatch(/list incomplete.*served twice/);
    expect(await readdir(join(out, 'kubernetes'))).not.toContain('pods.json');
    expect(result.manifest.collectedKinds).not.toContain('Pod');
  });

  it('a continue token that points back makes the list incomplete', async () => {
    const { result } = await collectFrom({ objects: { pods: PODS }, hostile: { loopingContinue: ['pods'] } });
    expect(gapOf(result, 'kubernetes:Pod')?.reason).toMatch(/continue token repeated/);
  });

  it('an endless continue chain stops at the page bound', async () => {
    const { result } = await collectFrom(
      { objects: { pods: PODS }, hostile: { endlessContinue: ['pods'] } },
      { listBounds: { maxPages: 25, maxObjects: 1000 } },
    );
    expect(gapOf(result, 'kubernetes:Pod')?.reason).toMatch(/more than 25 pages/);
    const podRequests = server!.requests.filter((r) => r.path === '/api/v1/pods');
    expect(podRequests.length).toBe(26);
  });

  it('an endless chain stops at the object bound too', async () => {
    const { result } = await collectFrom(
      { objects: { pods: PODS }, hostile: { endlessContinue: ['pods'] } },
      { listBounds: { maxPages: 1000, maxObjects: 10 } },
    );
    expect(gapOf(result, 'kubernetes:Pod')?.reason).toMatch(/more than 10 objects/);
  });

  it('more pages than remainingItemCount allows make the list incomplete', async () => {
    const { result } = await collectFrom({
      objects: { pods: PODS },
      hostile: { understatedRemaining: ['pods'] },
    });
    expect(gapOf(result, 'kubernetes:Pod')?.reason).toMatch(/announced fewer remaining/);
  });

  it('a chain whose remainingItemCount contradicts itself is incomplete', async () => {
    const { result } = await collectFrom({
      objects: { pods: PODS },
      hostile: { overstatedRemaining: ['pods'] },
    });
    expect(gapOf(result, 'kubernetes:Pod')?.reason).toMatch(/announced 11 objects in all, then 6/);
  });

  it('an honest paginated list is still collected whole', async () => {
    const { result } = await collectFrom({ objects: { pods: PODS } });
    expect(result.counts.Pod).toBe(6);
    expect(gapOf(result, 'kubernetes:Pod')).toBeUndefined();
  });

  it('--max-list-pages is an option of collect', async () => {
    server = await startFakeKubeServer({ objects: { pods: PODS }, hostile: { endlessContinue: ['pods'] } });
    const kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
    const run = await runCli([
      'collect',
      '--kubeconfig',
      kubeconfig,
      '--nodes',
      'none',
      '--page-size',
      '1',
      '--max-list-pages',
      '12',
      '--quiet',
      '--out',
      join(work, 'snap'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('kubernetes:Pod (list incomplete (/api/v1/pods): more than 12 pages');
  });
});

describe('every request is bounded in time', () => {
  it('a server trickling one byte a second is cut at --timeout, not kept alive', async () => {
    const started = Date.now();
    const { result } = await collectFrom(
      {
        objects: { pods: PODS },
        hostile: { trickle: { pathPrefix: '/api/v1/namespaces', intervalMs: 200 } },
      },
      { timeoutMs: 1000, retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 }, nodes: 'none' },
    );
    // The namespace list is ~70 bytes: 14 s at this pace, far past the 1 s bound.
    expect(gapOf(result, 'kubernetes:Namespace')?.reason).toMatch(/timed out after 1000 ms/);
    expect(Date.now() - started).toBeLessThan(8000);
  });
});

describe('credentials never reach logs, messages or snapshot.json', () => {
  const TOKEN = 'planted-token-Zx81kLq0PwE';

  it('a token echoed in a 403 body is scrubbed from the gap, the progress lines and snapshot.json', async () => {
    const { result, out, progress } = await collectFrom({
      token: TOKEN,
      objects: { pods: PODS },
      hostile: { echoToken: ['pods'] },
    });
    const gap = gapOf(result, 'kubernetes:Pod');
    expect(gap?.code).toBe(403);
    expect(gap?.reason).toContain('<redacted>');
    for (const file of await listTree(out)) expect(await readFile(file, 'utf8')).not.toContain(TOKEN);
    expect(progress.join('\n')).not.toContain(TOKEN);
  });

  it('a password in the server URL is never printed', async () => {
    server = await startFakeKubeServer({
      objects: { pods: PODS },
      kubeconfigServer: (url) => url.replace('https://', 'https://admin:Pa55-planted-word@'),
    });
    const kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
    const run = await runCli(['collect', '--kubeconfig', kubeconfig, '--out', join(work, 'snap')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('kubernetes: https://127.0.0.1');
    expect(run.stderr).not.toContain('Pa55-planted-word');
    for (const file of await listTree(join(work, 'snap')))
      expect(await readFile(file, 'utf8')).not.toContain('Pa55-planted-word');
  });

  it('Secret data sent despite the metadata-only Accept header is never stored', async () => {
    const { out } = await collectFrom({
      objects: { secrets: [secret('app', 'db')] },
      hostile: { secretDataDespiteAccept: true },
    });
    const stored = await readFile(join(out, 'kubernetes', 'secrets.json'), 'utf8');
    expect(stored).toContain('"db"');
    expect(stored).not.toContain(SECRET_VALUE);
    expect(stored).not.toContain('"data"');
  });
});

describe('collect replaces an earlier snapshot only after it succeeded', () => {
  it('an expired token leaves the earlier snapshot exactly as it was', async () => {
    const { out } = await collectFrom({ objects: { pods: PODS }, configz: { 'node-a': KUBELET_CONFIG } });
    await mkdir(join(out, 'nodes'));
    const before = await Promise.all((await listTree(out)).map(async (f) => [f, await readFile(f, 'utf8')]));
    expect(before.length).toBeGreaterThan(3);
    const kubeconfig = await server!.writeKubeconfig(join(work, 'expired'), 'expired-token');
    const run = await runCli(['collect', '--kubeconfig', kubeconfig, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('401');
    const after = await Promise.all((await listTree(out)).map(async (f) => [f, await readFile(f, 'utf8')]));
    expect(after).toEqual(before);
    // No staging directory is left beside it.
    expect((await readdir(work)).sort()).toEqual(['expired', 'kubeconfig', 'snap']);
  });

  it('a successful run replaces the earlier snapshot and keeps its nodes/ folder', async () => {
    const { out } = await collectFrom({ objects: { pods: PODS } });
    await mkdir(join(out, 'nodes'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(out, 'nodes', 'node-a.json'), '{"node":"node-a"}');
    await writeFile(join(out, 'kubernetes', 'stale.json'), '{}');
    const kubeconfig = join(work, 'kubeconfig');
    const run = await runCli(['collect', '--kubeconfig', kubeconfig, '--quiet', '--out', out]);
    expect(run.code).toBe(0);
    expect(await readdir(join(out, 'kubernetes'))).not.toContain('stale.json');
    expect(await readFile(join(out, 'nodes', 'node-a.json'), 'utf8')).toBe('{"node":"node-a"}');
    expect((await readdir(work)).sort()).toEqual(['kubeconfig', 'snap']);
  });
});
