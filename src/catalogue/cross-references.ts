// Cross-reference validation on load: ids a framework or profile names must exist, with errors at file:line: field.
import type { Framework, ProviderProfile } from '../model/catalogue.js';
import type { LocatedYaml } from './yaml-source.js';
import type { ProfileFile } from './schemas.js';

const describe = (ids: Iterable<string>, max = 8) => {
  const list = [...ids];
  return list.length > max ? `${list.slice(0, max).join(', ')}, …` : list.join(', ');
};

export function checkFramework(located: LocatedYaml<Framework>, known: ReadonlySet<string>): void {
  const { data: framework, errorAt } = located;
  const sections = new Set(framework.sections.map((s) => s.id));
  const seen = new Set<string>();
  framework.requirements.forEach((requirement, index) => {
    if (seen.has(requirement.id))
      throw errorAt(['requirements', index, 'id'], `duplicate requirement id "${requirement.id}"`);
    seen.add(requirement.id);
    if (!sections.has(requirement.section))
      throw errorAt(
        ['requirements', index, 'section'],
        `section "${requirement.section}" is not declared under sections`,
      );
    requirement.checks.forEach((check, i) => {
      if (!known.has(check))
        throw errorAt(
          ['requirements', index, 'checks', i],
          `unknown check id "${check}" (not in docs/check-ids.md)`,
        );
    });
  });
  const scenarios = new Set<string>();
  (framework.exceptionScenarios ?? []).forEach((scenario, index) => {
    if (scenarios.has(scenario.id))
      throw errorAt(['exceptionScenarios', index, 'id'], `duplicate exception scenario id "${scenario.id}"`);
    scenarios.add(scenario.id);
    (scenario.appliesTo ?? []).forEach((id, i) => {
      if (!seen.has(id))
        throw errorAt(
          ['exceptionScenarios', index, 'appliesTo', i],
          `requirement "${id}" is not in this framework`,
        );
    });
  });
}

export interface ProfileContext {
  known: ReadonlySet<string>;
  frameworks: ReadonlyMap<string, Framework>;
}

/** Checks the entries this file itself writes, against the merged profile (a parent may supply the attestations). */
export function checkProfile(
  located: LocatedYaml<ProfileFile>,
  merged: ProviderProfile,
  ctx: ProfileContext,
): void {
  const { data: file, errorAt } = located;
  for (const [check, mapping] of Object.entries(file.checks)) {
    if (!ctx.known.has(check))
      throw errorAt(['checks', check], `unknown check id "${check}" (not in docs/check-ids.md)`);
    checkMapping(mapping, ['checks', check], located, merged, ctx);
  }
  for (const [frameworkId, table] of Object.entries(file.requirements)) {
    const framework = ctx.frameworks.get(frameworkId);
    if (!framework)
      throw errorAt(
        ['requirements', frameworkId],
        `unknown framework "${frameworkId}"; expected one of ${describe(ctx.frameworks.keys())}`,
      );
    const ids = new Set(framework.requirements.map((r) => r.id));
    for (const [requirementId, mapping] of Object.entries(table)) {
      if (!ids.has(requirementId))
        throw errorAt(
          ['requirements', frameworkId, requirementId],
          `requirement "${requirementId}" is not in ${frameworkId}`,
        );
      checkMapping(mapping, ['requirements', frameworkId, requirementId], located, merged, ctx);
    }
  }
}

function checkMapping(
  mapping: ProfileFile['checks'][string],
  path: string[],
  located: LocatedYaml<ProfileFile>,
  merged: ProviderProfile,
  ctx: ProfileContext,
): void {
  const { errorAt } = located;
  if (mapping.published && !merged.attestations[mapping.published.source]) {
    throw errorAt(
      [...path, 'published', 'source'],
      `attestation source "${mapping.published.source}" is not declared under attestations (${describe(Object.keys(merged.attestations)) || 'none'})`,
    );
  }
  const decider = mapping.decidedBy?.check;
  if (decider && !ctx.known.has(decider))
    throw errorAt(
      [...path, 'decidedBy', 'check'],
      `unknown check id "${decider}" (not in docs/check-ids.md)`,
    );
  // Without a published result evaluation can only say "manual"; a check-level attestation must name its source.
  const effective = path[0] === 'checks' ? merged.checks[path[1]!] : undefined;
  if (effective?.mapping === 'provider-attested' && !effective.published) {
    throw errorAt([...path, 'mapping'], 'provider-attested needs published: { source, result }');
  }
}
