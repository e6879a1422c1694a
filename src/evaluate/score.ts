// Scores an assessment: counts per status, and pass / (pass + fail) per section, level, responsibility and strength.
import type {
  AssessmentSummary,
  HeadlineScore,
  RequirementResult,
  ScoreGroup,
  StatusCounts,
} from '../model/assessment.js';
import type { Scoring, Section } from '../model/catalogue.js';
import { t } from '../model/text.js';
import { STATUSES } from '../model/status.js';

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as unknown as StatusCounts;
}

/** Percentage with one decimal; null when nothing was observed as pass or fail. */
export function scoreOf(counts: StatusCounts): number | null {
  const scored = counts.pass + counts.fail;
  return scored === 0 ? null : Math.round((counts.pass / scored) * 1000) / 10;
}

function group(
  results: RequirementResult[],
  keyOf: (r: RequirementResult) => string | undefined,
  order?: string[],
): ScoreGroup[] {
  const byKey = new Map<string, StatusCounts>();
  for (const key of order ?? []) byKey.set(key, emptyCounts());
  for (const result of results) {
    const key = keyOf(result);
    if (key === undefined) continue;
    const counts = byKey.get(key) ?? emptyCounts();
    counts[result.status]++;
    byKey.set(key, counts);
  }
  return [...byKey]
    .filter(([, c]) => Object.values(c).some((n) => n > 0))
    .map(([key, counts]) => ({ key, counts, score: scoreOf(counts) }));
}

/** The top-level section a result belongs to ("1.2" for 1.2.17, "5.1.2" for Q/KXY 5.1.2.1). */
export function topSection(result: RequirementResult, sections: Section[]): string {
  const candidates = sections.filter((s) => result.section === s.id || result.section.startsWith(`${s.id}.`));
  return candidates.sort((a, b) => b.id.length - a.id.length)[0]?.id ?? result.section;
}

/** Without a declared scoring, every observed result counts (pass / (pass + fail)). */
const OBSERVED: Scoring = {
  headline: {},
  method: t(
    '得分 = 通过 ÷（通过 + 不通过），计入所有从事实中观察到的结果',
    'Score = pass ÷ (pass + fail) over every result observed in the facts',
  ),
};

function countsOf(results: RequirementResult[]): StatusCounts {
  const counts = emptyCounts();
  for (const result of results) counts[result.status]++;
  return counts;
}

/** Splits the results into those the standard scores and the rest, shown apart. */
export function headlineScore(results: RequirementResult[], scoring: Scoring = OBSERVED): HeadlineScore {
  const rule = scoring.headline;
  const inHeadline = (r: RequirementResult) =>
    rule !== 'none' &&
    (!rule.assessment || r.assessment === rule.assessment) &&
    (!rule.strength || r.strength === rule.strength);
  const counted = results.filter(inHeadline);
  const apart = results.filter((r) => !inHeadline(r));
  const apartCounts = countsOf(apart);
  return {
    method: scoring.method,
    defined: rule !== 'none',
    total: counted.length,
    counts: countsOf(counted),
    apart: { total: apart.length, counts: apartCounts, score: scoreOf(apartCounts) },
  };
}

export function summarise(
  results: RequirementResult[],
  sections: Section[],
  scoring?: Scoring,
): AssessmentSummary {
  const counts = countsOf(results);
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  const headline = headlineScore(results, scoring);
  return {
    total: results.length,
    counts,
    score: headline.defined ? scoreOf(headline.counts) : null,
    observedScore: scoreOf(counts),
    headline,
    bySection: group(
      results,
      (r) => r.section,
      sections.map((s) => s.id),
    ).map((g) => ({ ...g, label: titles.get(g.key) })),
    byLevel: group(results, (r) => r.level, ['L1', 'L2']),
    byResponsibility: group(results, (r) => r.mapping.responsibility, ['customer', 'shared', 'provider']),
    byStrength: group(results, (r) => r.strength, ['shall', 'should']),
  };
}
