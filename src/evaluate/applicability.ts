// Resolves how a provider profile maps one framework requirement: defaults, then per check, then per requirement.
import type { ProfileMapping, ProviderProfile, Requirement } from '../model/catalogue.js';
import type { ResultMapping } from '../model/assessment.js';

/**
 * Later wins, as in layered configs: profile defaults ← the mapping of the requirement's first check
 * that the profile maps ← an override for this framework requirement.
 */
export function resolveMapping(profile: ProviderProfile, frameworkId: string, requirement: Requirement): ResultMapping {
  const byCheck = requirement.checks.map((id) => profile.checks[id]).find((m): m is Partial<ProfileMapping> => m !== undefined);
  const override = profile.requirements[frameworkId]?.[requirement.id];
  const merged: Partial<ProfileMapping> = { ...profile.defaults, ...byCheck, ...override };
  return {
    mapping: merged.mapping ?? profile.defaults.mapping,
    responsibility: merged.responsibility ?? profile.defaults.responsibility,
    ...(merged.reason ? { reason: merged.reason } : {}),
    ...(merged.decidedBy ? { decidedBy: merged.decidedBy } : {}),
    ...(merged.published ? { published: merged.published } : {}),
  };
}
