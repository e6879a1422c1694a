// One row per framework requirement with its mapping under a provider profile: what `rules list` and the matrix show.
import type { Framework, ProfileMapping, ProviderProfile, Requirement } from '../model/catalogue.js';
import type { Mapping, Responsibility } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { mergedMapping } from '../evaluate/applicability.js';

export interface RuleMapping {
  profile: string;
  mapping: Mapping;
  responsibility: Responsibility;
  /** The provider's published result, where it publishes one. */
  published?: 'pass' | 'fail';
  publishedSource?: string;
  reason?: string;
  decidedBy?: { check?: string; facts: string[] };
}

export interface RuleRow {
  framework: string;
  id: string;
  section: string;
  title: string;
  level?: 'L1' | 'L2';
  assessment: 'automated' | 'manual';
  strength?: 'shall' | 'should';
  checks: string[];
}

export type RuleRowWithMapping = RuleRow & Partial<RuleMapping>;

export function ruleRow(framework: Framework, requirement: Requirement, lang: Lang): RuleRow {
  return {
    framework: framework.id,
    id: requirement.id,
    section: requirement.section,
    title: pick(requirement.title, lang),
    ...(requirement.level ? { level: requirement.level } : {}),
    assessment: requirement.assessment,
    ...(requirement.strength ? { strength: requirement.strength } : {}),
    checks: requirement.checks,
  };
}

/** How the profile maps this requirement, in the words of the table (not yet decided by any facts). */
export function ruleMapping(
  profile: ProviderProfile,
  framework: Framework,
  requirement: Requirement,
  lang: Lang,
): RuleMapping {
  const merged: Partial<ProfileMapping> = mergedMapping(profile, framework.id, requirement);
  return {
    profile: profile.id,
    mapping: merged.mapping ?? profile.defaults.mapping,
    responsibility: merged.responsibility ?? profile.defaults.responsibility,
    ...(merged.published
      ? { published: merged.published.result, publishedSource: merged.published.source }
      : {}),
    ...(merged.reason ? { reason: pick(merged.reason, lang) } : {}),
    ...(merged.decidedBy ? { decidedBy: merged.decidedBy } : {}),
  };
}

/** Every requirement of the frameworks, with the profile's mapping when a profile is given. */
export function ruleRows(
  frameworks: Framework[],
  profile: ProviderProfile | undefined,
  lang: Lang,
): RuleRowWithMapping[] {
  return frameworks.flatMap((framework) =>
    framework.requirements.map((requirement) => ({
      ...ruleRow(framework, requirement, lang),
      ...(profile ? ruleMapping(profile, framework, requirement, lang) : {}),
    })),
  );
}
