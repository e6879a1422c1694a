// Runs a requirement's checks over the facts and combines their outcomes; gaps in the facts become errors.
import type { Check, CheckContext, CheckOutcome } from '../model/check.js';
import type { Facts, FactGap } from '../model/facts.js';
import { t } from '../model/text.js';
import { errorMessage } from '../util/errors.js';
import { cachedOutcome } from './outcome-cache.js';
import { controlPlaneGapApplies } from '../checks/lib/node-coverage.js';

/** Runs one check; a collection gap on a part it needs, or a thrown error, yields `error`, never a pass. */
export function runCheck(check: Check, ctx: CheckContext): CheckOutcome {
  return cachedOutcome(check, ctx.facts, ctx.params, () => runOnce(check, ctx));
}

function runOnce(check: Check, ctx: CheckContext): CheckOutcome {
  let outcome: CheckOutcome;
  try {
    outcome = check.run(ctx);
  } catch (error) {
    return {
      status: 'error',
      reason: t(
        `检查 ${check.id} 执行失败：${errorMessage(error)}`,
        `Check ${check.id} failed to run: ${errorMessage(error)}`,
      ),
      evidence: [],
    };
  }
  // An observed failure stands even with gaps elsewhere; anything else would rest on missing facts.
  if (outcome.status === 'fail') return outcome;
  const gap = gapFor(ctx.facts, check.needs);
  if (gap) {
    return {
      status: 'error',
      reason: t(
        `未能采集 ${gap.part}：${gap.reasonZh ?? gap.reason}`,
        `${gap.part} could not be collected: ${gap.reason}`,
      ),
      evidence: outcome.evidence,
    };
  }
  // A pass must cite what was seen: a check that passes on nothing has only failed to look.
  if (outcome.status === 'pass' && outcome.evidence.length === 0) {
    return {
      status: 'error',
      reason: t(
        `检查 ${check.id} 得出“通过”却未给出任何证据，不能算通过`,
        `Check ${check.id} gave a pass without any evidence, which cannot count as a pass`,
      ),
      evidence: [],
    };
  }
  return outcome;
}

function gapFor(facts: Facts, needs: string[]) {
  return facts.gaps.find((gap) =>
    needs.some((need) => controlPlaneGapApplies(facts, need, gap.part) ?? gapAffects(gap, need)),
  );
}

/**
 * Whether a gap leaves a need unmet. A need may name one namespace (`kubernetes:Pod/kube-system`): a
 * refused kind whose gap says that namespace was listed anyway does not touch it.
 */
export function gapAffects(gap: FactGap, need: string): boolean {
  const [part, namespace] = need.split('/', 2) as [string, string | undefined];
  if (namespace !== undefined && gap.part === part) return !gap.namespaces?.includes(namespace);
  return (
    gap.part === part ||
    (part.startsWith('node:') && gap.part.startsWith('node:')) ||
    gap.part.startsWith(`${part}:`)
  );
}

const PRECEDENCE: CheckOutcome['status'][] = ['fail', 'error', 'manual', 'pass', 'not-applicable'];

/** fail > error > manual > pass > not-applicable: all must pass (or not apply) for a pass. */
export function combineOutcomes(outcomes: CheckOutcome[]): CheckOutcome {
  if (outcomes.length === 1) return outcomes[0]!;
  const status = PRECEDENCE.find((s) => outcomes.some((o) => o.status === s)) ?? 'manual';
  const deciding = outcomes.filter((o) => o.status === status);
  return {
    status,
    reason: {
      zh: deciding.map((o) => o.reason.zh).join('；'),
      en: deciding.map((o) => o.reason.en).join('; '),
    },
    evidence: outcomes.flatMap((o) => o.evidence),
    offenders: outcomes.flatMap((o) => o.offenders ?? []),
  };
}
