// Fact ablation: remove, empty, truncate, duplicate or mistype any one input, and no result may move to pass,
// the score may not rise, and a gap (or the one-line input error) names what changed. In-process, so it stays fast.
import { mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { kindFromName } from '../../src/facts/kinds.js';
import { generateSnapshot } from '../../src/generate/generate.js';
import type { Assessment } from '../../src/model/assessment.js';
import { InputError } from '../../src/util/errors.js';
import {
  assessFacts,
  copySnapshot,
  FRAMEWORKS,
  removeSnapshot,
  sharedCatalogue,
  type LooseJson,
} from '../helpers/assess-snapshot.js';

interface Ablation {
  name: string;
  /** Words one of which a gap (or the input error) must contain when any result changed. */
  names: string[];
  apply(dir: string): Promise<void>;
}

async function filesOf(dir: string, under = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, under), { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) out.push(...(await filesOf(dir, path)));
    else if (/\.json$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** What a gap about this file would name: the file itself, its kind, or its node. */
function namesFor(file: string): string[] {
  const names = [file];
  const base = file
    .split('/')
    .pop()!
    .replace(/\.json$/, '');
  if (file.startsWith('kubernetes/configz/') || file.startsWith('nodes/')) names.push(base);
  else if (file.startsWith('kubernetes/')) {
    const kind = kindFromName(`${base}.json`);
    if (kind) names.push(`kubernetes:${kind}`);
  }
  if (file === 'azure/managed-cluster.json') names.push('azure:managedCluster');
  if (file === 'azure/diagnostic-settings.json') names.push('azure:diagnosticSettings');
  return names;
}

async function editJson(dir: string, file: string, change: (body: LooseJson) => void): Promise<void> {
  const path = join(dir, file);
  const body = JSON.parse(await readFile(path, 'utf8'));
  change(body);
  await writeFile(path, JSON.stringify(body));
}

const isObj = (v: unknown): v is Record<string, LooseJson> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Gives one field the checks read the wrong JSON type; false when the file has nothing to spoil. */
function spoil(file: string, body: LooseJson): boolean {
  if (file.startsWith('kubernetes/configz/')) {
    body.kubeletconfig.readOnlyPort = '0';
    return true;
  }
  if (file.startsWith('nodes/')) {
    body.processes = 'kubelet';
    return true;
  }
  if (file === 'azure/managed-cluster.json') {
    (isObj(body.properties) ? body.properties : body).enableRBAC = 'true';
    return true;
  }
  if (file === 'azure/diagnostic-settings.json') {
    const list = Array.isArray(body) ? body : body.value;
    const logs = list?.[0]?.properties?.logs ?? list?.[0]?.logs;
    if (!Array.isArray(logs) || logs.length === 0) return false;
    logs[0].enabled = 'true';
    return true;
  }
  const item = Array.isArray(body.items) ? body.items[0] : isObj(body.metadata) ? body : undefined;
  if (!isObj(item)) return false;
  const podSpec = isObj(item.spec?.template?.spec)
    ? item.spec.template.spec
    : isObj(item.spec?.jobTemplate?.spec?.template?.spec)
      ? item.spec.jobTemplate.spec.template.spec
      : item.kind === 'Pod' || file.endsWith('pods.json')
        ? item.spec
        : undefined;
  if (isObj(podSpec)) podSpec.hostPID = 'true';
  else if (Array.isArray(item.rules)) item.rules = 'all';
  else if ('subjects' in item || 'roleRef' in item) item.subjects = { kind: 'User', name: 'x' };
  else item.metadata.labels = 'mistyped';
  return true;
}

function ablationsFor(files: string[], hasItems: ReadonlySet<string>): Ablation[] {
  const out: Ablation[] = [];
  for (const file of files) {
    const names = namesFor(file);
    out.push({ name: `remove ${file}`, names, apply: (d) => unlink(join(d, file)) });
    out.push({
      name: `truncate ${file}`,
      names,
      apply: async (d) => {
        const text = await readFile(join(d, file), 'utf8');
        await writeFile(join(d, file), text.slice(0, Math.floor(text.length / 2)));
      },
    });
    out.push({
      name: `mistype a field of ${file}`,
      names,
      apply: (d) =>
        editJson(d, file, (body) => {
          spoil(file, body);
        }),
    });
    if (
      !file.startsWith('kubernetes/') ||
      file.startsWith('kubernetes/configz/') ||
      file.endsWith('version.json')
    )
      continue;
    if (!hasItems.has(file)) continue; // emptying or doubling an empty list changes nothing
    out.push({
      name: `empty the items of ${file}`,
      names,
      apply: (d) =>
        editJson(d, file, (body) => {
          if (Array.isArray(body.items)) body.items = [];
        }),
    });
    out.push({
      name: `duplicate the items of ${file}`,
      names,
      apply: (d) =>
        editJson(d, file, (body) => {
          if (Array.isArray(body.items)) body.items = [...body.items, ...body.items];
        }),
    });
  }
  const dirs = [
    ...new Set(
      files.filter((f) => /^(nodes|kubernetes\/configz)\//.test(f)).map((f) => f.replace(/\/[^/]+$/, '')),
    ),
  ];
  for (const dir of dirs)
    out.push({
      name: `remove all of ${dir}/`,
      names: [dir, 'node', 'configz'],
      apply: (d) => rm(join(d, dir), { recursive: true }),
    });
  return out;
}

interface Baseline {
  profile: string;
  assessments: Map<string, Assessment>;
}

async function assessAll(dir: string, profile: string, cat: Catalogue): Promise<Map<string, Assessment>> {
  const facts = await loadSnapshot(dir);
  return new Map(FRAMEWORKS.map((f) => [f, assessFacts(facts, cat, profile, f)]));
}

/** The broken promises of one ablation, as lines; empty when it kept them all. */
async function violations(
  source: string,
  ablation: Ablation,
  base: Baseline,
  cat: Catalogue,
): Promise<string[]> {
  const dir = await copySnapshot(source, ablation.apply);
  try {
    let after: Map<string, Assessment>;
    try {
      after = await assessAll(dir, base.profile, cat);
    } catch (error) {
      if (error instanceof InputError && ablation.names.some((n) => error.message.includes(n))) return [];
      return [`${ablation.name}: threw ${String(error)}`];
    }
    const problems: string[] = [];
    // A result that becomes `error` rests on a gap, and that gap must say what changed. (A result that becomes
    // `manual` says itself what it could not see: e.g. a kube-proxy config file nobody collected.)
    let toError = false;
    for (const [framework, a] of after) {
      const before = base.assessments.get(framework)!;
      const was = new Map(before.results.map((r) => [r.id, r.status]));
      for (const r of a.results) {
        if (was.get(r.id) !== r.status && r.status === 'error') toError = true;
        if (r.status === 'pass' && was.get(r.id) !== 'pass')
          problems.push(`${ablation.name}: ${framework} ${r.id} moved from ${was.get(r.id)} to pass`);
      }
      if ((a.summary.score ?? 0) > (before.summary.score ?? 0))
        problems.push(
          `${ablation.name}: ${framework} score rose ${before.summary.score} → ${a.summary.score}`,
        );
    }
    const gaps = [...after.values()][0]!.collection.gaps.map((g) => `${g.part} ${g.reason}`).join('\n');
    if (toError && !ablation.names.some((n) => gaps.includes(n)))
      problems.push(`${ablation.name}: results became error but no gap names ${ablation.names.join(' or ')}`);
    return problems;
  } finally {
    await removeSnapshot(dir);
  }
}

const root = await mkdtemp(join(tmpdir(), 'kube-evidence-ablation-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const SNAPSHOTS: [string, string, () => Promise<string>][] = [
  ['samples/aks-prod', 'aks', async () => 'samples/aks-prod'],
  ['samples/kubeadm-lab', 'kubeadm', async () => 'samples/kubeadm-lab'],
  [
    'a small generated kubeadm snapshot',
    'kubeadm',
    async () => {
      const out = join(root, 'gen');
      await generateSnapshot({ nodes: 2, pods: 30, seed: 'ablation', profile: 'kubeadm', out });
      return out;
    },
  ],
];

describe.each(SNAPSHOTS)('fact ablation: %s', (_name, profile, make) => {
  let source: string;
  let base: Baseline;
  let ablations: Ablation[];
  let cat: Catalogue;
  beforeAll(async () => {
    source = await make();
    cat = await sharedCatalogue();
    base = { profile, assessments: await assessAll(source, profile, cat) };
    const files = await filesOf(source);
    const hasItems = new Set<string>();
    for (const file of files) {
      const body = JSON.parse(await readFile(join(source, file), 'utf8'));
      if (Array.isArray(body?.items) && body.items.length > 0) hasItems.add(file);
    }
    ablations = ablationsFor(files, hasItems);
    expect((await stat(source)).isDirectory()).toBe(true);
  });

  // CPU-bound (a few hundred loads of a small snapshot: seconds on an idle machine); the timeout allows for a
  // machine shared by several test runs.
  it.each(['remove', 'truncate', 'mistype', 'empty', 'duplicate'])(
    '%s: no result moves to pass, the score does not rise, a gap names the change',
    { timeout: 600_000 },
    async (operation) => {
      const chosen = ablations.filter((a) => a.name.startsWith(operation));
      expect(chosen.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const ablation of chosen) problems.push(...(await violations(source, ablation, base, cat)));
      expect(problems).toEqual([]);
    },
  );
});
