// evaluate(facts, catalogue, framework, profile) → Assessment: one result per requirement, with evidence.
import type { Assessment } from '../model/assessment.js';
import { ASSESSMENT_SCHEMA, ASSESSMENT_SCHEMA_VERSION } from '../model/assessment.js';
import type { Check, CheckParameters } from '../model/check.js';
import type { Facts } from '../model/facts.js';
import { CHECKS_BY_ID } from '../checks/index.js';
import { getProfile, type Catalogue } from '../catalogue/load.js';
import { chooseFramework } from '../catalogue/select-framework.js';
import { TOOL } from '../version.js';
import { mergedMapping, resolveMapping } from './applicability.js';
import { decideRequirement } from './requirement.js';
import { summarise } from './score.js';
import { applyWaivers } from './apply-waivers.js';
import { clusterConfiguration, factNotes } from './cluster-configuration.js';
import { CALENDAR_ID } from '../checks/azure/supported-version.js';
import type { Waiver } from './waiver-file.js';

export interface EvaluateOptions {
  framework: string;
  profile: string;
  checks?: ReadonlyMap<string, Check>;
  now?: Date;
  /** Waivers from --waivers, and the file they came from (for error messages). */
  waivers?: { file: string; waivers: Waiver[] };
  /** Called after each requirement is decided (done, total), for a progress display. */
  onRequirement?: (done: number, total: number) => void;
}

export function evaluate(facts: Facts, catalogue: Catalogue, options: EvaluateOptions): Assessment {
  const { framework, selection } = chooseFramework(
    catalogue,
    options.framework,
    facts.cluster.kubernetesVersion,
  );
  const profile = getProfile(catalogue, options.profile);
  const checks = options.checks ?? CHECKS_BY_ID;
  const ctx = { facts, params: paramsOf(profile.parameters, catalogue) };
  const total = framework.requirements.length;
  const results = framework.requirements.map((requirement, index) => {
    const result = decideRequirement({
      requirement,
      mapping: resolveMapping(profile, framework.id, requirement),
      remediation: mergedMapping(profile, framework.id, requirement).remediation,
      profile,
      checks,
      ctx,
    });
    options.onRequirement?.(index + 1, total);
    return result;
  });
  const now = options.now ?? new Date();
  const waivers = options.waivers
    ? applyWaivers(results, options.waivers.waivers, {
        frameworkId: framework.id,
        facts,
        now,
        file: options.waivers.file,
        scenarios: new Set(
          [...catalogue.frameworks.values()].flatMap((f) => (f.exceptionScenarios ?? []).map((s) => s.id)),
        ),
      })
    : undefined;
  const configuration = clusterConfiguration(facts);
  // The calendar's date matters only where a result relied on it.
  const calendarUsed = results.some(
    (r) =>
      r.checks.includes('aks-supported-version') || r.mapping.decidedBy?.check === 'aks-supported-version',
  );
  const notes = factNotes(facts, calendarUsed ? catalogue.calendars.get(CALENDAR_ID) : undefined);
  const used = new Set(
    results.filter((r) => r.status === 'provider-attested').map((r) => r.mapping.published?.source),
  );
  return {
    schema: ASSESSMENT_SCHEMA,
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    tool: TOOL,
    generatedAt: now.toISOString(),
    cluster: { ...facts.cluster, provider: facts.cluster.provider ?? profile.id },
    framework: {
      id: framework.id,
      version: framework.version,
      title: framework.title,
      ...(framework.kubernetesVersions ? { kubernetesVersions: framework.kubernetesVersions } : {}),
      ...(selection ? { selection } : {}),
    },
    profile: { id: profile.id, title: profile.title },
    catalogue: { hash: catalogue.hash },
    collection: {
      collectedAt: facts.collectedAt,
      sources: [...facts.origins].map(([part, o]) => ({
        part,
        source: o.source,
        ...(o.file ? { file: o.file } : {}),
        time: o.time,
      })),
      gaps: facts.gaps,
    },
    attestations: Object.values(profile.attestations)
      .filter((a) => used.has(a.id))
      .map((a) => ({ id: a.id, title: a.title, ...(a.url ? { url: a.url } : {}), versions: a.versions })),
    sections: framework.sections,
    results,
    summary: summarise(results, framework.sections, framework.scoring),
    ...(notes.length > 0 ? { notes } : {}),
    ...(configuration.length > 0 ? { clusterConfiguration: configuration } : {}),
    ...(waivers ? { waivers } : {}),
  };
}

const withCalendars = new WeakMap<CheckParameters, CheckParameters>();

/** The profile's parameters plus the catalogue's dated data; one object per profile, so check outcomes stay cached across frameworks. */
function paramsOf(parameters: CheckParameters, catalogue: Catalogue): CheckParameters {
  let params = withCalendars.get(parameters);
  if (!params) withCalendars.set(parameters, (params = { ...parameters, calendars: catalogue.calendars }));
  return params;
}
