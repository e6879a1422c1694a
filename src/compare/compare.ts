// compare(assessments) → Comparison: one row per requirement, each side's entry, and its class against the baseline.
import type { ComparedAssessment, ComparedResult } from './compared.js';
import { TOOL } from '../version.js';
import { classify } from './classify.js';
import { correspond, type SideCorrespondence } from './correspond.js';
import type { FrameworkMap } from './framework-map.js';
import type { LoadedAssessment } from './inputs.js';
import {
  COMPARISON_SCHEMA,
  COMPARISON_SCHEMA_VERSION,
  type Comparison,
  type ComparisonRow,
  type PairDifference,
  type SideEntry,
} from './model.js';
import { diffObjects } from './objects.js';
import { describeSide, isLater } from './sides.js';
import { summariseComparison } from './summary.js';

export interface CompareOptions {
  maps?: FrameworkMap[];
  now?: Date;
}

export function compareAssessments(inputs: LoadedAssessment[], options: CompareOptions = {}): Comparison {
  const [baseline, ...others] = inputs;
  if (!baseline || others.length === 0) throw new Error('compareAssessments needs two or more assessments');
  const links = others.map((side) => correspond(baseline, side, options.maps ?? []));
  const sides = inputs.map((loaded, index) =>
    describeSide(loaded, index, baseline.assessment, links[index - 1]),
  );
  const assessments = inputs.map((i) => i.assessment);
  const rows = [...baselineRows(assessments, links), ...extraRows(assessments, links)];
  for (const row of rows)
    row.differences = differencesOf(
      row,
      assessments,
      sides.map((s) => s.sameClusterAsBaseline),
    );
  return {
    schema: COMPARISON_SCHEMA,
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: (options.now ?? new Date()).toISOString(),
    sides,
    rows,
    summary: summariseComparison(rows, sides),
  };
}

function baselineRows(assessments: ComparedAssessment[], links: SideCorrespondence[]): ComparisonRow[] {
  const [base, ...others] = assessments as [ComparedAssessment, ...ComparedAssessment[]];
  return base.results.map((result) => ({
    key: result.id,
    section: sectionOf(base, result),
    title: result.title,
    entries: [
      entryOf(result),
      ...others.map((a, i) => entryOf(findResult(a, links[i]!.toSide.get(result.id)))),
    ],
    differences: [],
  }));
}

/** Requirements no baseline requirement corresponds to; sides of one framework share a row for the same id. */
function extraRows(assessments: ComparedAssessment[], links: SideCorrespondence[]): ComparisonRow[] {
  const base = assessments[0]!;
  const rows = new Map<string, ComparisonRow>();
  assessments.forEach((a, index) => {
    if (index === 0) return;
    const matched = new Set(links[index - 1]!.toSide.values());
    for (const result of a.results.filter((r) => !matched.has(r.id))) {
      const key = a.framework.id === base.framework.id ? result.id : `${a.framework.id}:${result.id}`;
      const row = rows.get(key) ?? {
        key,
        section: sectionOf(a, result),
        title: result.title,
        entries: assessments.map(() => null),
        differences: [],
      };
      row.entries[index] = entryOf(result);
      rows.set(key, row);
    }
  });
  return [...rows.values()];
}

function differencesOf(
  row: ComparisonRow,
  assessments: ComparedAssessment[],
  sameClusterFlags: boolean[],
): PairDifference[] {
  const base = findResult(assessments[0]!, row.entries[0]?.requirement);
  return assessments.slice(1).map((a, i) => {
    const side = i + 1;
    const other = findResult(a, row.entries[side]?.requirement);
    const sameCluster = sameClusterFlags[side] ?? false;
    const otherIsLater = isLater(assessments[0]!, a);
    const objects =
      sameCluster && base && other
        ? otherIsLater
          ? diffObjects(base, other)
          : diffObjects(other, base)
        : undefined;
    return {
      side,
      class: classify({ base, other, sameCluster, otherIsLater, objects }),
      ...(objects ? { objects } : {}),
    };
  });
}

function findResult(a: ComparedAssessment, id: string | undefined): ComparedResult | undefined {
  return id === undefined ? undefined : a.results.find((r) => r.id === id);
}

function sectionOf(a: ComparedAssessment, result: ComparedResult): ComparisonRow['section'] {
  const section = a.sections.find((s) => s.id === result.section);
  return {
    framework: a.framework.id,
    id: result.section,
    title: section?.title ?? { zh: result.section, en: result.section },
  };
}

function entryOf(result: ComparedResult | undefined): SideEntry | null {
  if (!result) return null;
  return {
    requirement: result.id,
    mapping: result.mapping.mapping,
    responsibility: result.mapping.responsibility,
    ...(result.mapping.reason ? { mappingReason: result.mapping.reason } : {}),
    status: result.status,
    dependsOnEnvironment: result.dependsOnEnvironment,
    reason: result.reason,
    evidence: result.evidence,
    offenderCount: result.offenderCount,
  };
}
