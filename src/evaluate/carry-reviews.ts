// Carries the auditor's verdicts from earlier packs of the same cluster into a new assessment (report --attestations).
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessment, Review } from '../model/assessment.js';
import type { ClusterIdentity } from '../model/facts.js';
import { MANIFEST_FILE, parseManifest } from '../pack/manifest.js';
import { sha256 } from '../pack/hash.js';
import { validateAssessment } from '../render/json.js';
import { InputError } from '../util/errors.js';
import { parseJson } from '../util/fs.js';

/** An earlier assessment whose verdicts may carry: from a pack (its document id from the manifest) or an assessment.json. */
export interface ReviewSource {
  documentId: string;
  assessment: Assessment;
}

/** Reads each path: a pack directory (every report in it) or an assessment.json. */
export async function loadReviewSources(paths: string[]): Promise<ReviewSource[]> {
  const sources: ReviewSource[] = [];
  for (const path of paths) {
    const info = await lstat(path).catch(() => undefined);
    if (!info)
      throw InputError.at(
        path,
        '--attestations',
        'not found (expected an attested pack directory or its assessment.json)',
      );
    if (info.isDirectory()) {
      const file = join(path, MANIFEST_FILE);
      const text = await readFile(file, 'utf8').catch(() => {
        throw InputError.at(
          path,
          '--attestations',
          'is a directory without manifest.json, not an evidence pack',
        );
      });
      const manifest = parseManifest(parseJson(text, file), file);
      for (const report of manifest.reports) {
        const at = join(path, report.dir, 'assessment.json');
        const raw = await readFile(at, 'utf8').catch(() => {
          throw InputError.at(at, '--attestations', 'missing: the pack holds no assessment.json');
        });
        sources.push({
          documentId: report.documentId,
          assessment: validateAssessment(parseJson(raw, at), at),
        });
      }
    } else {
      const raw = await readFile(path);
      sources.push({
        documentId: sha256(raw),
        assessment: validateAssessment(parseJson(raw.toString('utf8'), path), path),
      });
    }
  }
  return sources;
}

/** The same cluster: same name, and the same Azure resource id where both have one. */
export function sameCluster(a: ClusterIdentity, b: ClusterIdentity): boolean {
  if (a.name !== b.name) return false;
  if (a.resourceId && b.resourceId) return a.resourceId.toLowerCase() === b.resourceId.toLowerCase();
  return true;
}

/**
 * A verdict carries into `assessment` when it comes from the same cluster and framework, for the same
 * requirement, the requirement is still manual here, and the run is not after the verdict's expiry day. The
 * latest review wins; the verdict keeps where it was first given (pack document id and time). Returns the count.
 */
export function carryReviews(assessment: Assessment, sources: ReviewSource[]): number {
  const day = assessment.generatedAt.slice(0, 10);
  const byId = new Map(assessment.results.map((r) => [r.id, r]));
  const chosen = new Map<string, Review>();
  const perSource: NonNullable<Assessment['carriedReviews']> = [];
  for (const source of sources) {
    const earlier = source.assessment;
    if (!sameCluster(earlier.cluster, assessment.cluster) || earlier.framework.id !== assessment.framework.id)
      continue;
    let carried = 0;
    for (const old of earlier.results) {
      const review = old.review;
      const result = byId.get(old.id);
      if (!review || !result || result.status !== 'manual' || result.review) continue;
      if (review.expires < day || earlier.generatedAt > assessment.generatedAt) continue;
      const current = chosen.get(old.id);
      if (current && current.date >= review.date) continue;
      chosen.set(old.id, {
        ...review,
        carriedFrom: review.carriedFrom ?? {
          documentId: source.documentId,
          generatedAt: earlier.generatedAt,
        },
      });
      carried++;
    }
    perSource.push({
      documentId: source.documentId,
      cluster: earlier.cluster.name,
      generatedAt: earlier.generatedAt,
      carried,
    });
  }
  for (const [id, review] of chosen) byId.get(id)!.review = review;
  if (perSource.length > 0) assessment.carriedReviews = perSource;
  return chosen.size;
}
