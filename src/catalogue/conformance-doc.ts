// Writes docs/conformance/<framework>.md from the review data kept beside each requirement in the framework file.
import type { Framework, Requirement } from '../model/catalogue.js';
import type { Text } from '../model/text.js';
import type { Check } from '../model/check.js';

/** Markdown has no safe way to hold a newline or a pipe inside a list item line; keep each text on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function both(text: Text | undefined): string {
  if (!text) return '';
  return `${oneLine(text.en)}<br>${oneLine(text.zh)}`;
}

function scopeLine(requirement: Requirement): string {
  const scope = requirement.review?.scope;
  if (!scope) return '';
  const range = [
    scope.from ? `Kubernetes ≥ ${scope.from}` : '',
    scope.below ? `Kubernetes < ${scope.below}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const note = scope.note ? both(scope.note) : '';
  return [range ? `${range} (not applicable outside)` : '', note].filter(Boolean).join('<br>');
}

function checksLine(requirement: Requirement, checks: ReadonlyMap<string, Check>): string {
  if (requirement.checks.length === 0) return 'none: a person verifies it with the procedure';
  return requirement.checks
    .map((id) => `\`${id}\`${checks.get(id) ? ` (${oneLine(checks.get(id)!.title.en)})` : ''}`)
    .join('; ');
}

/** Counts the closing note asks for: reviewed, with a deviation, scoped, and decided by checks. */
export function reviewCounts(framework: Framework): {
  requirements: number;
  reviewed: number;
  deviations: number;
  scoped: number;
  withChecks: number;
} {
  const r = framework.requirements;
  return {
    requirements: r.length,
    reviewed: r.filter((x) => x.review?.method).length,
    deviations: r.filter((x) => x.review?.deviation).length,
    scoped: r.filter((x) => x.review?.scope?.from || x.review?.scope?.below).length,
    withChecks: r.filter((x) => x.checks.length > 0).length,
  };
}

export function conformanceMarkdown(framework: Framework, checks: ReadonlyMap<string, Check>): string {
  const counts = reviewCounts(framework);
  const out: string[] = [
    `# Conformance review: ${framework.title.en}`,
    '',
    `${framework.title.zh}`,
    '',
    `Generated from \`profiles/frameworks/${framework.id}.yaml\` by \`npm run docs:conformance\`; edit the`,
    'framework file, not this page (a test fails when this page is stale). For every requirement: the',
    "source's own check method (summarised), the checks that decide it here, what an absent setting",
    'means, the Kubernetes versions it applies to, and any deviation, which every report shows beside',
    'the result.',
    '',
    `- Requirements: ${counts.requirements}; reviewed: ${counts.reviewed}; decided by checks: ${counts.withChecks}`,
    `- Recorded deviations: ${counts.deviations}; limited to a version range: ${counts.scoped}`,
  ];
  if (framework.scoring) out.push(`- Headline score: ${both(framework.scoring.method)}`);
  out.push('');
  const titles = new Map(framework.sections.map((s) => [s.id, s.title]));
  let section: string | undefined;
  for (const r of framework.requirements) {
    if (r.section !== section) {
      section = r.section;
      const title = titles.get(section);
      out.push(`## ${section}${title ? ` ${oneLine(title.en)} / ${oneLine(title.zh)}` : ''}`, '');
    }
    const marks = [
      r.assessment,
      r.strength ? `${r.strength} (${r.strength === 'shall' ? '应' : '宜'})` : '',
      r.level ?? '',
    ].filter(Boolean);
    out.push(`### ${r.id} ${oneLine(r.title.en)}`, '', `${oneLine(r.title.zh)}`, '');
    out.push(`- Marked: ${marks.join(', ')}`);
    out.push(`- Method: ${r.review ? both(r.review.method) : '**missing**'}`);
    out.push(`- Checks: ${checksLine(r, checks)}`);
    if (r.review?.default) out.push(`- When absent: ${both(r.review.default)}`);
    const scope = scopeLine(r);
    if (scope) out.push(`- Scope: ${scope}`);
    if (r.review?.deviation) out.push(`- **Deviation:** ${both(r.review.deviation)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
