// Resolves how a provider profile maps one framework requirement: defaults, then per check, then per requirement.
import type { ProfileMapping, ProviderProfile, Requirement } from '../model/catalogue.js';
import type { ResultMapping } from '../model/assessment.js';

/**
 * Later wins, as in layered configs: profile defaults ← the mapping of the requirement's first check
 * that the profile maps ← an override for this framework requirement.
 */
export function resolveMapping(
  profile: ProviderProfile,
  frameworkId: string,
  requirement: Requirement,
): ResultMapping {
  const merged = mergedMapping(profile, frameworkId, requirement);
  const decidedBy = resultDecider(merged.decidedBy, requirement);
  return {
    mapping: merged.mapping ?? profile.defaults.mapping,
    responsibility: merged.responsibility ?? profile.defaults.responsibility,
    ...(merged.reason ? { reason: merged.reason } : {}),
    ...(decidedBy ? { decidedBy } : {}),
    ...(merged.published ? { published: merged.published } : {}),
    ...(merged.contradictedBy?.length ? { contradictedBy: merged.contradictedBy } : {}),
  };
}

/** The profile's own view of the mapping, before it is shaped for a result (keeps a decidedBy without a check). */
export function mergedMapping(
  profile: ProviderProfile,
  frameworkId: string,
  requirement: Requirement,
): Partial<ProfileMapping> {
  const byCheck = requirement.checks
    .map((id) => profile.checks[id])
    .find((m): m is Partial<ProfileMapping> => m !== undefined);
  const override = profile.requirements[frameworkId]?.[requirement.id];
  // An override that names a mapping is a new decision for that row: it does not inherit the check's decidedBy or published.
  const merged = { ...profile.defaults, ...(override?.mapping ? {} : byCheck), ...override };
  // The remediation is how the provider changes the setting, whatever the row's mapping: it comes from the row or its checks.
  const remediation =
    override?.remediation ??
    requirement.checks.map((id) => profile.checks[id]?.remediation).find((r) => r !== undefined);
  return remediation ? { ...merged, remediation } : merged;
}

/**
 * A decidedBy without a check means "the requirement's own checks, from these facts". A result names one deciding
 * check, so that form is kept only where the requirement has exactly one check; otherwise all its checks run.
 */
function resultDecider(
  decidedBy: ProfileMapping['decidedBy'],
  requirement: Requirement,
): ResultMapping['decidedBy'] {
  if (!decidedBy) return undefined;
  const check = decidedBy.check ?? (requirement.checks.length === 1 ? requirement.checks[0] : undefined);
  return check ? { check, facts: decidedBy.facts } : undefined;
}
