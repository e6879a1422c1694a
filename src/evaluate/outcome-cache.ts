// Remembers each check's outcome per facts and parameters, so frameworks and requirements sharing a check run it once.
import type { Check, CheckOutcome, CheckParameters } from '../model/check.js';
import type { Facts } from '../model/facts.js';

/**
 * Keyed by object identity, like the checks' own indexes (checks/lib memo): facts are not changed after
 * loading, and a check is a pure function of facts and parameters. Three frameworks over 150,000 pods
 * otherwise walk every pod spec once per framework and per requirement that names the check.
 */
const cache = new WeakMap<Facts, WeakMap<CheckParameters, WeakMap<Check, CheckOutcome>>>();

export function cachedOutcome(
  check: Check,
  facts: Facts,
  params: CheckParameters,
  run: () => CheckOutcome,
): CheckOutcome {
  let byParams = cache.get(facts);
  if (!byParams) cache.set(facts, (byParams = new WeakMap()));
  let byCheck = byParams.get(params);
  if (!byCheck) byParams.set(params, (byCheck = new WeakMap()));
  let outcome = byCheck.get(check);
  if (!outcome) byCheck.set(check, (outcome = run()));
  return copyOf(outcome);
}

/**
 * Callers own the outcome and its lists, but the offending objects themselves are shared: at 150,000 pods five
 * frameworks hold about a million of them, mostly the same objects found by the same checks. A waiver that marks
 * objects copies them first (applyWaivers), so what one result marks never shows in another.
 */
function copyOf(outcome: CheckOutcome): CheckOutcome {
  return {
    ...outcome,
    evidence: [...outcome.evidence],
    ...(outcome.offenders ? { offenders: [...outcome.offenders] } : {}),
  };
}
