// compare reads assessment.json as a stream: the same comparison as reading it whole, past the old 64 MiB bound, and hostile input refused in one line.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAssessments } from '../../src/compare/compare.js';
import type { ComparedAssessment } from '../../src/compare/compared.js';
import { loadAssessmentFile, type LoadedAssessment } from '../../src/compare/inputs.js';
import { ASSESSMENT_LIMITS } from '../../src/compare/read-assessment.js';
import type { Comparison } from '../../src/compare/model.js';
import { builtInFrameworkMaps } from '../../src/compare/version-maps.js';
import type { Assessment } from '../../src/model/assessment.js';
import { writeAssessment } from '../../src/render/json.js';
import { writeComparisonJson } from '../../src/render/compare-json.js';
import { runCli } from '../helpers/cli.js';
import { laterKubeadmScan, writeAssessed } from './fixtures.js';

const NOW = new Date('2027-01-01T00:00:00Z');
/** The bound compare had when it read assessment.json whole. */
const OLD_BOUND = 64 * 1024 * 1024;

let dir: string;
const f = (name: string) => join(dir, name);
let aks: string;
let kubeadm: string;
let later: string;

/** The reading compare did before streaming: the whole file, JSON.parse, every field kept. */
async function readWhole(file: string): Promise<LoadedAssessment> {
  const bytes = await readFile(file);
  const assessment = JSON.parse(bytes.toString('utf8')) as Assessment;
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), assessment };
}

async function compareBoth(files: string[]): Promise<{ streamed: Comparison; whole: Comparison }> {
  const maps = await builtInFrameworkMaps();
  const streamed = compareAssessments(await Promise.all(files.map((x) => loadAssessmentFile(x))), {
    maps,
    now: NOW,
  });
  const whole = compareAssessments(await Promise.all(files.map(readWhole)), { maps, now: NOW });
  return { streamed, whole };
}

/** Runs compare on the command line; bad input must be exit 2 and one line naming the file. */
async function refused(args: string[], message: string | RegExp): Promise<void> {
  const run = await runCli(['compare', ...args, '--out', f('out-refused'), '--format', 'json']);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(message);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ke-cmp-stream-'));
  aks = await writeAssessed('samples/aks-prod', 'aks', f('aks.json'));
  kubeadm = await writeAssessed('samples/kubeadm-lab', 'kubeadm', f('kubeadm.json'));
  const scan = await laterKubeadmScan(f('later'), {
    collectedAt: '2027-02-20T08:30:00Z',
    addPod: { namespace: 'debug', name: 'netshoot-7f9c', container: 'netshoot' },
    fixNamespaces: ['logging'],
  });
  later = await writeAssessed(scan, 'kubeadm', f('later.json'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('compare reading assessments as a stream', () => {
  it('gives the comparison that reading each file whole gives, on the samples and over time', async () => {
    for (const pair of [
      [aks, kubeadm],
      [kubeadm, later],
      [later, kubeadm],
    ]) {
      const { streamed, whole } = await compareBoth(pair);
      expect(streamed).toEqual(whole);
      expect(streamed.sides.map((s) => s.source.sha256)).toEqual(
        await Promise.all(
          pair.map(async (x) =>
            createHash('sha256')
              .update(await readFile(x))
              .digest('hex'),
          ),
        ),
      );
    }
    // Over time the objects are listed: the comparison above covered new, fixed and still failing ones.
    const { streamed } = await compareBoth([kubeadm, later]);
    expect(streamed.summary.objectCounts[0]!.new).toBeGreaterThan(0);
    expect(streamed.summary.objectCounts[0]!.fixed).toBeGreaterThan(0);
    expect(streamed.summary.objectCounts[0]!.stillFailing).toBeGreaterThan(0);
  });

  it('reads the same at any chunk size, and keeps nothing a comparison does not read', async () => {
    const normal = await loadAssessmentFile(kubeadm);
    for (const chunkSize of [7, 97, 4096]) {
      expect(await loadAssessmentFile(kubeadm, { ...ASSESSMENT_LIMITS, chunkSize })).toEqual(normal);
    }
    const a = normal.assessment as ComparedAssessment & Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(
      [
        'cluster',
        'collection',
        'framework',
        'generatedAt',
        'profile',
        'results',
        'sections',
        'summary',
      ].sort(),
    );
    for (const result of a.results) {
      expect(result).not.toHaveProperty('remediation');
      expect(result.mapping).not.toHaveProperty('decidedBy');
      for (const o of result.offenders) expect(o).not.toHaveProperty('waiver');
    }
  });

  it('writes comparison.json as JSON.stringify would, piece by piece', async () => {
    const { streamed } = await compareBoth([kubeadm, later]);
    await writeComparisonJson(streamed, f('comparison.json'));
    expect(await readFile(f('comparison.json'), 'utf8')).toBe(`${JSON.stringify(streamed, null, 2)}\n`);
  });

  it(`compares an assessment.json larger than the old ${OLD_BOUND}-byte bound`, async () => {
    // The kubeadm sample with one requirement failing on 450,000 pods: about 75 MB of assessment.json.
    const base = JSON.parse(await readFile(kubeadm, 'utf8')) as Assessment;
    const result = base.results.find((r) => r.id === '5.2.2')!;
    const template = result.offenders[0]!;
    result.offenders = Array.from({ length: 450_000 }, (_, i) => ({
      ...template,
      namespace: `team-${i % 500}`,
      name: `worker-${i}`,
    }));
    result.offenderCount = result.offenders.length;
    // Another cluster, so that its objects are not listed one by one in the comparison (kept small and quick).
    base.cluster = { ...base.cluster, name: 'kubeadm-big' };
    const big = f('big.json');
    await writeAssessment(base, big);
    base.results = [];
    const size = (await readFile(big)).length;
    expect(size).toBeGreaterThan(OLD_BOUND);
    const out = f('out-big');
    const run = await runCli(['compare', kubeadm, big, '--out', out, '--format', 'json', '--lang', 'en']);
    expect(run.stderr).not.toMatch(/bytes, more than/);
    expect(run.code).toBe(0);
    const c = JSON.parse(await readFile(join(out, 'comparison.json'), 'utf8')) as Comparison;
    expect(c.sides[1]!.source.sha256).toBe(
      createHash('sha256')
        .update(await readFile(big))
        .digest('hex'),
    );
    const row = c.rows.find((r) => r.key === '5.2.2')!;
    expect(row.entries[1]!.offenderCount).toBe(450_000);
    expect(row.differences[0]!.class).toBe('same');
  });

  it('refuses a file over the size bound before reading it, even a sparse 10 GB one: exit 2, one line', async () => {
    const huge = f('huge.json');
    await writeFile(huge, '{"schema": "kube-evidence/assessment", "results": [');
    await truncate(huge, 10 * 1024 ** 3);
    await refused(
      [kubeadm, huge],
      `${huge}: is ${10 * 1024 ** 3} bytes, more than the ${ASSESSMENT_LIMITS.maxFileBytes} this file may hold; refused`,
    );
    // The same bound, lowered: a real assessment over it is refused the same way.
    const error = await loadAssessmentFile(kubeadm, { ...ASSESSMENT_LIMITS, maxFileBytes: 1000 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(
      /kubeadm\.json: is \d+ bytes, more than the 1000 this file may hold/,
    );
  });

  it('refuses truncated JSON, wrong types and oversized elements: exit 2, one line naming file and field', async () => {
    const text = await readFile(kubeadm, 'utf8');
    const doc = JSON.parse(text) as Record<string, unknown> & { results: Record<string, unknown>[] };
    const variant = async (name: string, change: (d: typeof doc) => void) => {
      const copy = structuredClone(doc);
      change(copy);
      await writeFile(f(name), JSON.stringify(copy, null, 2));
      return f(name);
    };
    const withOffenders = doc.results.findIndex((r) => (r.offenders as unknown[]).length > 1);

    await writeFile(f('cut.json'), text.slice(0, Math.floor(text.length * 0.6)));
    await refused(
      [kubeadm, f('cut.json')],
      /cut\.json: is not valid JSON \(unexpected end of data after \d+ bytes\)$/,
    );
    const offender = await variant('offender.json', (d) => {
      (d.results[withOffenders]!.offenders as unknown[])[1] = 5;
    });
    await refused(
      [kubeadm, offender],
      `${offender}: results[${withOffenders}].offenders[1]: expected an object with kind and name`,
    );
    const status = await variant('status.json', (d) => {
      d.results[3]!.status = 7;
    });
    await refused([kubeadm, status], `${status}: results[3]: expected a result with id and status`);
    const evidence = await variant('evidence.json', (d) => {
      d.results[2]!.evidence = 'none';
    });
    await refused([kubeadm, evidence], `${evidence}: results[2].evidence: expected an array`);
    const results = await variant('results.json', (d) => {
      d.results = {} as unknown as Record<string, unknown>[];
    });
    await refused([kubeadm, results], `${results}: results: expected an array`);
    // Elements that look wrong in a file that is not an assessment at all: the envelope is what is reported.
    const other = await variant('other.json', (d) => {
      d.schema = 'kube-evidence/manifest';
      d.results = [{ nothing: true }] as Record<string, unknown>[];
    });
    await refused([kubeadm, other], `${other}: schema: expected "kube-evidence/assessment"`);
    await writeFile(f('twice.json'), text.replace('"results": [', '"results": [], "results": ['));
    await refused(
      [kubeadm, f('twice.json')],
      /twice\.json: has the key "results" twice \(at byte \d+\); refused$/,
    );
    await writeFile(f('nul.json'), text.replace('"results": [', '"results": [\u0000'));
    await refused(
      [kubeadm, f('nul.json')],
      /nul\.json: holds byte 0x00, which is not JSON \(at byte \d+\); refused$/,
    );
    // An element over its bound (lowered here, 16 MiB by default) is refused as soon as it is that long.
    const error = await loadAssessmentFile(kubeadm, { ...ASSESSMENT_LIMITS, maxItemBytes: 64 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(
      /kubeadm\.json: collection\.sources\[0\] is larger than 64 bytes \(at byte \d+\); refused$/,
    );
  });
});
