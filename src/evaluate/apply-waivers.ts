// Applies waivers to results: whole requirements or single objects by namespace, name or labels; flags expired and unused ones.
import type { RequirementResult, WaiverRecord } from '../model/assessment.js';
import type { Facts, KubeObject } from '../model/facts.js';
import type { Offender } from '../model/check.js';
import { STATUS_LABELS } from '../model/status.js';
import { t } from '../model/text.js';
import { InputError } from '../util/errors.js';
import { findObject as findIndexed } from '../checks/lib/index.js';
import { endOfDayUtc, isCalendarDate } from '../util/calendar-date.js';
import type { Waiver } from './waiver-file.js';

export interface WaiverContext {
  frameworkId: string;
  facts: Facts;
  now: Date;
  /** Exception scenario ids a waiver may cite (Q/KXY Annex B), across frameworks. */
  scenarios: Set<string>;
  file: string;
}

/** Only results that need an exception can be waived: a pass needs none, an error has no facts to waive. */
const WAIVABLE = new Set(['fail', 'manual']);

export function applyWaivers(
  results: RequirementResult[],
  waivers: Waiver[],
  ctx: WaiverContext,
): WaiverRecord[] {
  const records: WaiverRecord[] = [];
  waivers.forEach((waiver, index) => {
    if (waiver.scenario && !ctx.scenarios.has(waiver.scenario)) {
      throw InputError.at(
        ctx.file,
        `waivers[${index}].scenario`,
        `"${waiver.scenario}" is not a known exception scenario (${[...ctx.scenarios].join(', ') || 'none defined'})`,
      );
    }
    // Library callers skip the file schema: a date that is not a real day would never expire, so refuse it here too.
    if (!isCalendarDate(waiver.expires)) {
      throw InputError.at(
        ctx.file,
        `waivers[${index}].expires`,
        `"${waiver.expires}" is not a real calendar date in ISO 8601 form, such as 2027-03-31`,
      );
    }
    const record: WaiverRecord = {
      id: waiver.id,
      target: { requirement: waiver.requirement, check: waiver.check },
      scope: waiver.scope,
      justification: waiver.justification,
      ...(waiver.scenario ? { scenario: waiver.scenario } : {}),
      approver: waiver.approver,
      expires: waiver.expires,
      state: 'unused',
      appliedTo: [],
    };
    records.push(record);
    if (waiver.framework && waiver.framework !== ctx.frameworkId) return;
    if (waiver.scope.cluster && waiver.scope.cluster !== ctx.facts.cluster.name) return;
    const targets = results.filter((r) =>
      waiver.requirement ? r.id === waiver.requirement : r.checks.includes(waiver.check!),
    );
    if (targets.length === 0) return;
    // An expired waiver no longer applies, but it is still reported so the register shows it.
    if (endOfDayUtc(waiver.expires) < ctx.now) {
      record.state = 'expired';
      return;
    }
    for (const result of targets) {
      if (!WAIVABLE.has(result.status)) continue;
      if (applyTo(result, waiver, ctx.facts)) {
        record.state = 'applied';
        record.appliedTo.push(result.id);
      }
    }
  });
  return records;
}

function applyTo(result: RequirementResult, waiver: Waiver, facts: Facts): boolean {
  const objectScoped =
    waiver.scope.namespace !== undefined ||
    waiver.scope.name !== undefined ||
    waiver.scope.labelSelector !== undefined;
  const info = {
    id: waiver.id,
    justification: waiver.justification,
    approver: waiver.approver,
    expires: waiver.expires,
    ...(waiver.scenario ? { scenario: waiver.scenario } : {}),
  };
  if (!objectScoped) {
    waive(result, info);
    return true;
  }
  let matched = 0;
  for (const [i, offender] of result.offenders.entries()) {
    if (offender.waiver || !matches(offender, waiver, facts)) continue;
    // Offender objects are shared between results of checks run once (outcome-cache): mark a copy of this one.
    result.offenders[i] = { ...offender, waiver: waiver.id };
    matched++;
  }
  if (matched === 0) return false;
  if (result.offenders.every((o) => o.waiver)) waive(result, info);
  else {
    const left = result.offenders.filter((o) => !o.waiver).length;
    result.reason = {
      zh: `${result.reason.zh}（豁免 ${waiver.id} 覆盖 ${matched} 个对象，仍有 ${left} 个）`,
      en: `${result.reason.en} (waiver ${waiver.id} covers ${matched} object(s); ${left} remain)`,
    };
  }
  return true;
}

function waive(result: RequirementResult, info: NonNullable<RequirementResult['waiver']>): void {
  const before = result.status;
  result.status = 'waived';
  result.waiver = info;
  result.reason = t(
    `已豁免（${info.id}，原状态：${STATUS_LABELS[before].zh}）：${info.justification}`,
    `Waived (${info.id}; was ${STATUS_LABELS[before].en.toLowerCase()}): ${info.justification}`,
  );
}

function matches(offender: Offender, waiver: Waiver, facts: Facts): boolean {
  const { namespace, name, labelSelector } = waiver.scope;
  if (namespace !== undefined && offender.namespace !== namespace) return false;
  if (name !== undefined && !globMatch(name, offender.name)) return false;
  if (labelSelector) {
    const labels = findObject(facts, offender)?.metadata.labels ?? {};
    if (!Object.entries(labelSelector).every(([k, v]) => labels[k] === v)) return false;
  }
  return true;
}

/** Through the checks' per-facts index: a scan per offender is quadratic with 150,000 pods. */
function findObject(facts: Facts, offender: Offender): KubeObject | undefined {
  return findIndexed(facts, offender.kind, offender.namespace, offender.name);
}

/** Compiled once per pattern: a waiver can be matched against hundreds of thousands of offenders. */
const globs = new Map<string, RegExp>();

/** `node-exporter-*` style names: `*` matches any run of characters. */
function globMatch(pattern: string, value: string): boolean {
  let regex = globs.get(pattern);
  if (!regex)
    globs.set(
      pattern,
      (regex = new RegExp(
        `^${pattern
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      )),
    );
  return regex.test(value);
}
