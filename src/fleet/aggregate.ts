// Reads the latest pack of every cluster from a store, verifies it, and folds it into compact rows; older packs feed the trend.
import { compare } from '../pack/verify.js';
import { sha256 } from '../pack/hash.js';
import { MANIFEST_FILE, parseManifest, type Manifest } from '../pack/manifest.js';
import { checkAuthenticity, type AuthenticityReport } from '../pack/sign/check-pack.js';
import type { TrustAnchors } from '../pack/sign/trust.js';
import type { Assessment, StatusCounts } from '../model/assessment.js';
import type { Framework } from '../model/catalogue.js';
import { STATUSES, type Status } from '../model/status.js';
import { errorMessage } from '../util/errors.js';
import { isRecord, parseJson } from '../util/fs.js';
import {
  FLEET_REPORT_SCHEMA,
  type FleetClusterRow,
  type FleetReport,
  type RejectedPack,
  type RequirementTotals,
  type TrendPoint,
} from './fleet-model.js';
import { refName, type PackRef, type PackStore } from './pack-store.js';

export interface AggregateOptions {
  framework: Framework;
  /** A cluster whose latest counted scan is older than this is listed under coverage. */
  staleDays: number;
  /** Older packs per cluster read for the trend. */
  history: number;
  /**
   * Certificates or keys to trust (`--trust`): every pack counted, and every older pack in the trend, must
   * be signed by one of them. Without it, a signed pack's signature is still checked, an unsigned pack passes
   * on integrity alone.
   */
  trust?: TrustAnchors;
  now?: Date;
  onCluster?: (id: string, done: number, total: number) => void;
}

const DAY_MS = 86_400_000;

export async function aggregateFleet(store: PackStore, options: AggregateOptions): Promise<FleetReport> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const framework = options.framework;
  const requirements = framework.requirements.map((r) => ({
    id: r.id,
    section: r.section,
    title: r.title,
    assessment: r.assessment,
  }));
  const indexOf = new Map(requirements.map((r, i) => [r.id, i]));
  const clusters: FleetClusterRow[] = [];
  const rejected: RejectedPack[] = [];
  const stale: FleetReport['coverage']['stale'] = [];
  // Per cluster: (time, score) of every verified pack, for the trend; a few numbers each.
  const scores = new Map<string, { time: number; score: number }[]>();
  const stats = { packsRead: 0, bytesHashed: 0 };

  const ids = await store.clusters();
  for (const [n, id] of ids.entries()) {
    const stamps = await store.packs(id);
    if (stamps.length === 0) {
      stale.push({ id, reason: 'no-pack' });
      continue;
    }
    const latest = { cluster: id, stamp: stamps.at(-1)! };
    const points: { time: number; score: number }[] = [];
    try {
      const read = await readLatest(store, latest, framework.id, stats, options.trust);
      const row = toRow(id, refName(latest), read.assessment, indexOf);
      row.manifestSha256 = read.manifestSha256;
      row.signature = read.authenticity.verdict as FleetClusterRow['signature'];
      if (read.authenticity.signer) row.signer = read.authenticity.signer;
      clusters.push(row);
      if (row.score !== null) points.push({ time: Date.parse(row.collectedAt), score: row.score });
      const age = (now.getTime() - Date.parse(row.collectedAt)) / DAY_MS;
      if (age > options.staleDays)
        stale.push({ id, collectedAt: row.collectedAt, ageDays: Math.floor(age), reason: 'old' });
      for (const stamp of stamps.slice(0, -1).slice(-options.history)) {
        const ref = { cluster: id, stamp };
        try {
          const older = await readScore(store, ref, framework.id, options.trust);
          stats.packsRead += 1;
          row.history += 1;
          if (older.score !== null) points.push({ time: Date.parse(older.collectedAt), score: older.score });
        } catch (error) {
          rejected.push(refusal(ref, error, false));
        }
      }
    } catch (error) {
      rejected.push(refusal(latest, error, true));
      stale.push({ id, reason: 'refused' });
    }
    if (points.length) scores.set(id, points);
    options.onCluster?.(id, n + 1, ids.length);
  }

  return {
    schema: FLEET_REPORT_SCHEMA,
    generatedAt: now.toISOString(),
    source: store.label,
    framework: { id: framework.id, version: framework.version, title: framework.title },
    requirements,
    clusters,
    totals: totals(requirements.length, clusters),
    rejected,
    coverage: { staleDays: options.staleDays, clusters: ids.length, stale },
    trend: trend(scores),
    stats: { ...stats, durationMs: Date.now() - started },
  };
}

/** Why a pack was refused, by kind: the report names integrity and authenticity failures apart. */
class Refusal extends Error {
  constructor(
    readonly kind: RejectedPack['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

function refusal(ref: PackRef, error: unknown, latest: boolean): RejectedPack {
  const kind = error instanceof Refusal ? error.kind : 'unreadable';
  return { pack: refName(ref), kind, reason: errorMessage(error), latest };
}

const isPdf = (path: string) => /\.pdf$/i.test(path);

async function readManifest(store: PackStore, ref: PackRef): Promise<{ text: string; manifest: Manifest }> {
  const where = `${refName(ref)}/${MANIFEST_FILE}`;
  const text = (await store.read(ref, MANIFEST_FILE)).toString('utf8');
  return { text, manifest: parseManifest(parseJson(text, where), where) };
}

/** A signature present is checked (a wrong one refuses the pack); with trust anchors, one is required. */
function authenticate(
  manifestText: string,
  manifest: Manifest,
  signature: string | undefined,
  pdfs: Map<string, Buffer>,
  trust: TrustAnchors | undefined,
): AuthenticityReport {
  const report = checkAuthenticity({ manifestText, createdAt: manifest.createdAt, signature, pdfs }, trust);
  if (report.verdict === 'failed') {
    const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
    throw new Refusal('authenticity', `fails its signature check: ${report.problems[0]}${more}`);
  }
  return report;
}

/**
 * Full verification, as `verify` does it: every file hashed against the manifest, nothing added or
 * missing; manifest.jws, when present, checked against manifest.json's exact text (and the PDFs' own
 * signatures); then the framework's assessment.
 */
async function readLatest(
  store: PackStore,
  ref: PackRef,
  frameworkId: string,
  stats: { packsRead: number; bytesHashed: number },
  trust: TrustAnchors | undefined,
): Promise<{
  manifest: Manifest;
  manifestSha256: string;
  authenticity: AuthenticityReport;
  assessment: Assessment;
}> {
  const { text, manifest } = await readManifest(store, ref);
  const signature = await store.signature(ref);
  // A signed pack's PDFs are kept for their CMS signatures; an unsigned pack's are only hashed.
  const actual = await store.hashes(ref, signature ? isPdf : undefined);
  stats.packsRead += 1;
  stats.bytesHashed += actual.reduce((sum, f) => sum + f.size, 0);
  const pdfs = new Map(actual.flatMap((f) => (f.data ? [[f.path, f.data] as const] : [])));
  const check = compare(manifest, text, actual, [], signature, pdfs);
  if (!check.ok) throw new Refusal('integrity', `fails verification: ${verifyProblems(check)}`);
  const authenticity = authenticate(check.manifestText, manifest, check.signature, check.pdfs, trust);
  return {
    manifest,
    manifestSha256: check.manifestSha256,
    authenticity,
    assessment: await readAssessment(store, ref, manifest, frameworkId),
  };
}

/**
 * An older pack: the manifest (and its signature, when signed or when trust anchors are given) and this
 * framework's assessment.json, whose hash must match the manifest. Its PDFs are not read.
 */
async function readScore(
  store: PackStore,
  ref: PackRef,
  frameworkId: string,
  trust: TrustAnchors | undefined,
): Promise<{ score: number | null; collectedAt: string }> {
  const { text, manifest } = await readManifest(store, ref);
  authenticate(text, manifest, await store.signature(ref), new Map(), trust);
  const assessment = await readAssessment(store, ref, manifest, frameworkId);
  return { score: assessment.summary?.score ?? null, collectedAt: assessment.collection.collectedAt };
}

async function readAssessment(
  store: PackStore,
  ref: PackRef,
  manifest: Manifest,
  frameworkId: string,
): Promise<Assessment> {
  const report = (manifest.reports ?? []).find((r) => r.framework?.id === frameworkId);
  if (!report) throw new Error(`has no ${frameworkId} report`);
  const path = report.dir ? `${report.dir}/assessment.json` : 'assessment.json';
  const entry = manifest.files.find((f) => f.path === path);
  if (!entry) throw new Error(`has no ${path} (written without --format json?)`);
  const bytes = await store.read(ref, path);
  if (sha256(bytes) !== entry.sha256)
    throw new Refusal('integrity', `${path} does not match its SHA-256 in the manifest`);
  const assessment = parseJson(bytes.toString('utf8'), `${refName(ref)}/${path}`);
  if (!isRecord(assessment) || !Array.isArray(assessment.results) || !isRecord(assessment.collection))
    throw new Error(`${path} is not an assessment`);
  return assessment as unknown as Assessment;
}

function verifyProblems(check: { changed: string[]; added: string[]; removed: string[] }): string {
  const part = (label: string, list: string[]) =>
    list.length
      ? `${label} ${list.slice(0, 3).join(', ')}${list.length > 3 ? ` (+${list.length - 3})` : ''}`
      : '';
  return [
    part('changed', check.changed),
    part('missing', check.removed),
    part('not in the manifest', check.added),
  ]
    .filter(Boolean)
    .join('; ');
}

function toRow(id: string, pack: string, a: Assessment, indexOf: Map<string, number>): FleetClusterRow {
  const statuses: (Status | undefined)[] = new Array(indexOf.size).fill(undefined);
  const failing: FleetClusterRow['failing'] = [];
  for (const result of a.results) {
    const index = indexOf.get(result.id);
    if (index === undefined || !STATUSES.includes(result.status)) continue;
    statuses[index] = result.status;
    if (result.status === 'fail' || result.status === 'error')
      failing.push({
        index,
        status: result.status,
        offenders: result.offenderCount ?? 0,
        evidence: result.evidence?.length ?? 0,
      });
  }
  return {
    id,
    pack,
    name: a.cluster?.name ?? id,
    provider: a.cluster?.provider,
    kubernetesVersion: a.cluster?.kubernetesVersion,
    profile: a.profile,
    collectedAt: a.collection.collectedAt,
    generatedAt: a.generatedAt,
    score: a.summary?.score ?? null,
    counts: a.summary?.counts ?? emptyCounts(),
    statuses,
    failing,
    history: 0,
    manifestSha256: '',
    signature: 'unsigned',
  };
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as unknown as StatusCounts;
}

function totals(count: number, clusters: FleetClusterRow[]): RequirementTotals[] {
  const out: RequirementTotals[] = Array.from({ length: count }, (_, index) => ({
    index,
    counts: emptyCounts(),
    failShare: null,
  }));
  for (const c of clusters) c.statuses.forEach((s, i) => s && (out[i]!.counts[s] += 1));
  for (const t of out) {
    const decided = t.counts.pass + t.counts.fail;
    t.failShare = decided ? Math.round((t.counts.fail / decided) * 1000) / 10 : null;
  }
  return out;
}

/** For each UTC day with a scan: the mean, over clusters scanned by then, of each one's latest score on or before it. */
export function trend(scores: Map<string, { time: number; score: number }[]>, maxPoints = 24): TrendPoint[] {
  const days = [
    ...new Set([...scores.values()].flat().map((p) => new Date(p.time).toISOString().slice(0, 10))),
  ].sort();
  const sorted = [...scores.values()].map((points) => [...points].sort((a, b) => a.time - b.time));
  return days.slice(-maxPoints).map((day) => {
    const end = Date.parse(`${day}T23:59:59.999Z`);
    const latest = sorted.flatMap((points) => {
      const before = points.filter((p) => p.time <= end);
      return before.length ? [before.at(-1)!.score] : [];
    });
    const mean = latest.reduce((s, x) => s + x, 0) / latest.length;
    return { day, meanScore: Math.round(mean * 10) / 10, clusters: latest.length };
  });
}
