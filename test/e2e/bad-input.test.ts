// Bad input: exit 2, one clear line naming the file or value, no stack trace, nothing written to --out.
import { mkdtemp, mkdir, readdir, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let work: string;
let out: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-bad-'));
  out = join(work, 'out');
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function expectRejected(args: string[], ...mentions: string[]) {
  const run = await runCli(args);
  expect(run.code).toBe(2);
  for (const mention of mentions) expect(run.stderr).toContain(mention);
  expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(await readdir(out).catch(() => 'absent')).toBe('absent');
}

/**
 * A snapshot holding `content` at `file` (relative to the snapshot): a copy of a bundled sample with that
 * one file replaced, or, without a sample, a snapshot holding only that file.
 */
async function snapshotWith(file: string, content: string, sample?: string): Promise<string> {
  const snapshot = join(work, 'snap');
  if (sample) await cp(join('samples', sample), snapshot, { recursive: true });
  await mkdir(dirname(join(snapshot, file)), { recursive: true });
  await writeFile(join(snapshot, file), content);
  return snapshot;
}

describe('report with bad input', () => {
  it('a missing snapshot directory', async () => {
    await expectRejected(
      ['report', '--snapshot', join(work, 'nope'), '--profile', 'aks', '--out', out],
      'nope',
      'snapshot directory not found',
    );
  });

  it('a kubernetes file that is not JSON, naming file and line', async () => {
    const snapshot = await snapshotWith(
      'kubernetes/pods.json',
      '{"kind": "List", "items": [\n  {"kind": "Pod",, }\n]}',
    );
    await expectRejected(
      ['report', '--snapshot', snapshot, '--profile', 'kubeadm', '--out', out],
      'pods.json:2',
      'not valid JSON',
    );
  });

  it('a managed cluster file that is not a managed cluster, naming the field', async () => {
    const snapshot = await snapshotWith(
      'azure/managed-cluster.json',
      '{"properties": {"kubernetesVersion": "1.30"}}',
      'aks-prod',
    );
    await expectRejected(
      ['report', '--snapshot', snapshot, '--profile', 'aks', '--out', out],
      'managed-cluster.json: name',
    );
  });

  it('a node certificate fingerprint that is not SHA-256, naming the file and field', async () => {
    const snapshot = await snapshotWith(
      'nodes/lab-cp-1.json',
      JSON.stringify({
        node: 'lab-cp-1',
        files: { '/etc/kubernetes/pki/ca.crt': { exists: true, certificate: { sha256: 'AB:CD' } } },
      }),
      'kubeadm-lab',
    );
    await expectRejected(
      ['report', '--snapshot', snapshot, '--profile', 'kubeadm', '--out', out],
      'lab-cp-1.json',
      'files["/etc/kubernetes/pki/ca.crt"].certificate.sha256',
      'expected 64 lowercase hex digits',
    );
  });

  it('a snapshot gap whose namespaces are not names, naming the field', async () => {
    const snapshot = await snapshotWith(
      'snapshot.json',
      JSON.stringify({
        schema: 'kube-evidence/snapshot',
        gaps: [{ part: 'kubernetes:Pod', reason: 'forbidden', namespaces: 'kube-system' }],
      }),
      'kubeadm-lab',
    );
    await expectRejected(
      ['report', '--snapshot', snapshot, '--profile', 'kubeadm', '--out', out],
      'snapshot.json',
      'gaps[0].namespaces',
      'expected an array of namespace names',
    );
  });

  it('an object without metadata.name, naming the item', async () => {
    const snapshot = await snapshotWith(
      'kubernetes/pods.json',
      JSON.stringify({ kind: 'PodList', items: [{ metadata: {} }] }),
    );
    await expectRejected(
      ['report', '--snapshot', snapshot, '--profile', 'kubeadm', '--out', out],
      'pods.json: items[0].metadata.name',
    );
  });

  it('an unknown profile', async () => {
    await expectRejected(
      ['report', '--snapshot', 'samples/aks-prod', '--profile', 'gke', '--out', out],
      '--profile',
      '"gke"',
      'aks',
    );
  });

  it('an unknown framework', async () => {
    await expectRejected(
      [
        'report',
        '--snapshot',
        'samples/aks-prod',
        '--profile',
        'aks',
        '--framework',
        'pci-dss',
        '--out',
        out,
      ],
      '--framework',
      '"pci-dss"',
    );
  });

  it('an unknown format', async () => {
    await expectRejected(
      ['report', '--snapshot', 'samples/aks-prod', '--profile', 'aks', '--format', 'docx', '--out', out],
      '--format',
      'docx',
    );
  });

  it('a missing required option', async () => {
    const run = await runCli(['report', '--snapshot', 'samples/aks-prod', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--profile');
  });
});

/** The fields readAssessment checks, around `results`. */
const assessmentWith = (results: unknown[]) => ({
  schema: 'kube-evidence/assessment',
  schemaVersion: 1,
  framework: { id: 'f' },
  profile: { id: 'p' },
  cluster: { name: 'c' },
  summary: {},
  results,
});

describe('render with bad input', () => {
  it('a file that is not an assessment', async () => {
    const file = join(work, 'a.json');
    await writeFile(file, '{"hello": 1}');
    await expectRejected(['render', '--assessment', file, '--out', out], 'a.json: schema');
  });

  it('an assessment cut off inside its results (read element by element)', async () => {
    const file = join(work, 'cut.json');
    const text = JSON.stringify(assessmentWith([{ id: '1.1', status: 'pass', offenders: [], evidence: [] }]));
    await writeFile(file, text.slice(0, text.indexOf('"results"') + 20));
    await expectRejected(['render', '--assessment', file, '--out', out], 'cut.json');
  });

  it('a result that is not a result', async () => {
    const file = join(work, 'odd.json');
    await writeFile(
      file,
      JSON.stringify(assessmentWith([{ id: '1.1', status: 'pass', offenders: [], evidence: [] }, 7])),
    );
    await expectRejected(['render', '--assessment', file, '--out', out], 'odd.json', 'results[1]');
  });
});

describe('no browser for the PDF', () => {
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env.KUBE_EVIDENCE_CHROME;
    process.env.KUBE_EVIDENCE_CHROME = join(work, 'no-chrome');
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.KUBE_EVIDENCE_CHROME;
    else process.env.KUBE_EVIDENCE_CHROME = previous;
  });

  it('still writes the workbook and JSON, and says in one line how to get the PDF', async () => {
    const run = await runCli([
      'report',
      '--snapshot',
      'samples/kubeadm-lab',
      '--profile',
      'kubeadm',
      '--out',
      out,
      '--no-fail',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('KUBE_EVIDENCE_CHROME');
    expect((await readdir(out)).sort()).toEqual(expect.arrayContaining(['assessment.json', 'report.xlsx']));
    expect(await readdir(out)).not.toContain('report.pdf');
  });

  it('exits 2 when only the PDF was asked', async () => {
    const run = await runCli([
      'report',
      '--snapshot',
      'samples/kubeadm-lab',
      '--profile',
      'kubeadm',
      '--out',
      out,
      '--format',
      'pdf',
    ]);
    expect(run.code).toBe(2);
  });
});
