// The collect and scan commands end to end through main(), against the local Kubernetes API server.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKubeServer, type FakeKubeServer } from '../helpers/fake-kube-server.js';
import { runCli } from '../helpers/cli.js';
import { KUBELET_CONFIG, node, pod, withBuiltIns } from './kube-fixtures.js';

let server: FakeKubeServer;
let work: string;
let kubeconfig: string;

beforeAll(async () => {
  server = await startFakeKubeServer({
    objects: withBuiltIns({
      nodes: [node('node-a'), node('node-b')],
      pods: [pod('default', 'web', { privileged: true })],
    }),
    forbidden: ['secrets'],
    configz: { 'node-a': KUBELET_CONFIG, 'node-b': KUBELET_CONFIG },
  });
  work = await mkdtemp(join(tmpdir(), 'ke-cli-'));
  kubeconfig = await server.writeKubeconfig(join(work, 'kubeconfig'));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('kube-evidence collect', () => {
  it('writes the snapshot, shows progress and ends with one summary line', async () => {
    const out = join(work, 'collect-1');
    const result = await runCli(['collect', '--kubeconfig', kubeconfig, '--nodes', '1', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('pods: 2 collected');
    const summary = result.stderr.trim().split('\n').at(-1)!;
    expect(summary).toMatch(
      /^collected .*Pod 2.*configz 1 in \d+\.\d s; not collected: kubernetes:Secret \(403 Forbidden: secrets is forbidden/,
    );
    expect((await readFile(join(out, 'snapshot.json'), 'utf8')).length).toBeGreaterThan(0);
    expect(existsSync(join(out, 'kubernetes', 'configz', 'node-a.json'))).toBe(true);
    expect(existsSync(join(out, 'kubernetes', 'configz', 'node-b.json'))).toBe(false);
  });

  it('--quiet leaves only the summary line; a second run replaces the earlier snapshot', async () => {
    const out = join(work, 'collect-1');
    const result = await runCli([
      'collect',
      '--kubeconfig',
      kubeconfig,
      '--nodes',
      'none',
      '--quiet',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(out, 'kubernetes', 'configz'))).toBe(false);
  });

  it('refuses a non-empty directory that is not a snapshot', async () => {
    const out = join(work, 'not-a-snapshot');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'notes.txt'), 'keep me');
    const result = await runCli(['collect', '--kubeconfig', kubeconfig, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not empty and holds no earlier snapshot');
  });

  it.each([
    [['--nodes', 'some'], '--nodes: "some" is not all, none or a number of nodes'],
    [['--subscription', 'sub-1'], '--resource-group, --cluster: needed too'],
    [['--azure-cloud', 'mars'], '--azure-cloud: "mars" is not one of public, china, usgov'],
    [['--context', 'nope'], 'no context "nope"; expected one of fake'],
  ])('rejects bad options with exit 2: %j', async (args, message) => {
    const result = await runCli(['collect', '--kubeconfig', kubeconfig, ...args, '--out', join(work, 'bad')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(work, 'bad'))).toBe(false);
  });
});

describe('kube-evidence scan', () => {
  it('collects, evaluates and writes the pack with the snapshot inside it', async () => {
    const out = join(work, 'scan');
    const result = await runCli([
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--profile',
      'kubeadm',
      '--format',
      'json',
      '--lang',
      'en',
      '--out',
      out,
    ]);
    type Result = { id: string; status: string; assessment: string; offenders: { name: string }[] };
    const assessment = JSON.parse(await readFile(join(out, 'assessment.json'), 'utf8')) as {
      cluster: { name: string; provider: string };
      collection: { gaps: { part: string }[] };
      results: Result[];
    };
    // The privileged pod served by the API is found as an offender.
    const privileged = assessment.results.find((r) => r.id === '5.2.2');
    expect(privileged).toMatchObject({
      status: 'fail',
      offenders: [expect.objectContaining({ name: 'web' })],
    });
    const automatedFailure = assessment.results.some(
      (r) => r.status === 'fail' && r.assessment === 'automated',
    );
    expect(result.code).toBe(automatedFailure ? 1 : 0);
    expect(assessment.cluster).toMatchObject({ name: 'fake-cluster', provider: 'kubeadm' });
    // No node collector ran: on kubeadm each node's files and processes are unobserved, and say so.
    expect(assessment.collection.gaps.map((g) => g.part)).toEqual([
      'kubernetes:Secret',
      'node:node-a',
      'node:node-b',
    ]);
    expect(existsSync(join(out, 'snapshot', 'snapshot.json'))).toBe(true);
    expect(existsSync(join(out, 'snapshot', 'kubernetes', 'pods.json'))).toBe(true);
  });

  it('checks the profile before collecting anything', async () => {
    const before = server.requests.length;
    const result = await runCli([
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--profile',
      'gke',
      '--out',
      join(work, 'scan-bad'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown profile "gke"');
    expect(server.requests.length).toBe(before);
  });
});
