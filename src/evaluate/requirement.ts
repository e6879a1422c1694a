// Decides one requirement: applies the profile mapping, runs the checks that decide it, keeps the evidence.
import type { RequirementResult, ResultMapping } from '../model/assessment.js';
import type { ProviderProfile, Requirement } from '../model/catalogue.js';
import type { Check, CheckContext, CheckOutcome } from '../model/check.js';
import type { Status } from '../model/status.js';
import { t, type Text } from '../model/text.js';
import { combineOutcomes, runCheck } from './run-checks.js';
import { inMinorRange, minorOf } from './version-range.js';

export interface RequirementInput {
  requirement: Requirement;
  mapping: ResultMapping;
  profile: ProviderProfile;
  checks: ReadonlyMap<string, Check>;
  ctx: CheckContext;
}

export function decideRequirement(input: RequirementInput): RequirementResult {
  const { requirement, mapping } = input;
  const decision = outsideScope(input) ?? decide(input);
  const offenders = decision.outcome?.offenders ?? [];
  return {
    id: requirement.id,
    section: requirement.section,
    title: requirement.title,
    ...(requirement.level ? { level: requirement.level } : {}),
    assessment: requirement.assessment,
    ...(requirement.strength ? { strength: requirement.strength } : {}),
    checks: requirement.checks,
    mapping,
    status: decision.status,
    dependsOnEnvironment: decision.dependsOnEnvironment ?? false,
    reason: decision.reason,
    evidence: decision.outcome?.evidence ?? [],
    offenders,
    offenderCount: offenders.length,
    ...(requirement.remediation ? { remediation: requirement.remediation } : {}),
    ...(requirement.procedure ? { procedure: requirement.procedure } : {}),
    ...(decision.contradiction ? { contradiction: decision.contradiction } : {}),
    ...(requirement.review?.deviation ? { deviation: requirement.review.deviation } : {}),
  };
}

/**
 * A requirement the standard limits to some Kubernetes versions (Q/KXY 5.1.4.5: below 1.24) is not
 * applicable on a cluster outside them. An unknown version decides nothing: the checks run as usual.
 */
function outsideScope(input: RequirementInput): Decision | undefined {
  const scope = input.requirement.review?.scope;
  if (!scope || (!scope.from && !scope.below)) return undefined;
  const version = input.ctx.facts.cluster.kubernetesVersion;
  const v = minorOf(version);
  if (!v) return undefined;
  const n = (m: string) => {
    const [major, minor] = minorOf(m)!;
    return major * 1000 + minor;
  };
  const here = v[0] * 1000 + v[1];
  const inside = (!scope.from || here >= n(scope.from)) && (!scope.below || here < n(scope.below));
  if (inside) return undefined;
  const range = [scope.from ? `≥ ${scope.from}` : '', scope.below ? `< ${scope.below}` : '']
    .filter(Boolean)
    .join(', ');
  return {
    status: 'not-applicable',
    reason: t(
      `标准规定此项仅适用于 Kubernetes ${range}；本集群为 ${version}`,
      `The standard limits this to Kubernetes ${range}; this cluster runs ${version}`,
    ),
  };
}

interface Decision {
  status: Status;
  reason: Text;
  outcome?: CheckOutcome;
  dependsOnEnvironment?: boolean;
  contradiction?: Text;
}

function decide(input: RequirementInput): Decision {
  const { mapping } = input;
  const reason = mapping.reason;
  switch (mapping.mapping) {
    case 'not-applicable':
      return {
        status: 'not-applicable',
        reason:
          reason ?? t('提供商配置文件将此项标为不适用', 'The provider profile marks this as not applicable'),
      };
    case 'equivalent-control':
      return decideEquivalent(input);
    case 'environment-dependent':
      return decideByEnvironment(input);
    case 'provider-attested':
      return decideAttested(input);
    default:
      return decideAssessed(input);
  }
}

/** Runs the checks named; undefined when the requirement has none (it needs a person). */
function runAll(input: RequirementInput, ids: string[]): CheckOutcome | undefined {
  const outcomes = ids.map((id) => {
    const check = input.checks.get(id);
    if (!check)
      return { status: 'error' as const, reason: t(`未知检查 ${id}`, `Unknown check ${id}`), evidence: [] };
    return runCheck(check, input.ctx);
  });
  return outcomes.length > 0 ? combineOutcomes(outcomes) : undefined;
}

function manualFor(input: RequirementInput): Decision {
  return {
    status: 'manual',
    reason:
      input.requirement.procedure ??
      t(
        '此项需要人工核查，请按规程记录结论',
        'This needs a person: follow the procedure and record the verdict',
      ),
  };
}

function decideAssessed(input: RequirementInput): Decision {
  // A profile may name the check that observes this requirement on its provider (AKS 3.1.1: local accounts),
  // while keeping the provider's published result beside it for comparison.
  const ids = input.mapping.decidedBy ? [input.mapping.decidedBy.check] : input.requirement.checks;
  const outcome = runAll(input, ids);
  if (!outcome) return manualFor(input);
  return {
    status: outcome.status,
    reason: outcome.reason,
    outcome,
    contradiction: contradictionOf(input.mapping, outcome),
  };
}

function decideByEnvironment(input: RequirementInput): Decision {
  const ids = input.mapping.decidedBy ? [input.mapping.decidedBy.check] : input.requirement.checks;
  const outcome = runAll(input, ids);
  if (!outcome) return manualFor(input);
  const prefix = t('取决于环境：', 'Depends on environment: ');
  const status = outcome.status;
  return {
    status,
    reason: { zh: prefix.zh + outcome.reason.zh, en: prefix.en + outcome.reason.en },
    outcome,
    dependsOnEnvironment: status === 'pass' || status === 'fail',
    contradiction: contradictionOf(input.mapping, outcome),
  };
}

function decideEquivalent(input: RequirementInput): Decision {
  const base = input.mapping.reason ?? t('以等效控制满足', 'Met by an equivalent control');
  if (!input.mapping.decidedBy) return { status: 'equivalent-control', reason: base };
  const outcome = runAll(input, [input.mapping.decidedBy.check])!;
  if (outcome.status === 'pass') {
    return {
      status: 'equivalent-control',
      reason: {
        zh: `${base.zh}（已核实：${outcome.reason.zh}）`,
        en: `${base.en} (verified: ${outcome.reason.en})`,
      },
      outcome,
    };
  }
  if (outcome.status === 'fail') {
    return {
      status: 'fail',
      reason: {
        zh: `等效控制未就位：${outcome.reason.zh}`,
        en: `The equivalent control is not in place: ${outcome.reason.en}`,
      },
      outcome,
    };
  }
  return {
    status: outcome.status === 'not-applicable' ? 'manual' : outcome.status,
    reason: {
      zh: `${base.zh}；无法核实：${outcome.reason.zh}`,
      en: `${base.en}; could not be verified: ${outcome.reason.en}`,
    },
    outcome,
  };
}

function decideAttested(input: RequirementInput): Decision {
  const { mapping, profile, ctx } = input;
  // Facts win over an attestation: where the cluster's own facts decide the checks, use them.
  const observed = runAll(input, input.requirement.checks);
  if (observed && (observed.status === 'pass' || observed.status === 'fail')) {
    return {
      status: observed.status,
      reason: observed.reason,
      outcome: observed,
      contradiction: contradictionOf(mapping, observed),
    };
  }
  const published = mapping.published;
  const source = published ? profile.attestations[published.source] : undefined;
  if (!published || !source) {
    return {
      status: 'manual',
      reason: t('配置文件未给出提供商证明的来源', 'The profile names no source for the provider attestation'),
    };
  }
  const version = ctx.facts.cluster.kubernetesVersion;
  const range = `${source.versions.min}–${source.versions.max}`;
  if (!inMinorRange(version, source.versions)) {
    return {
      status: 'manual',
      reason: t(
        `提供商证明（${source.title.zh}）仅覆盖 Kubernetes ${range}，本群集版本为 ${version ?? '未知'}：需人工核查`,
        `The provider attestation (${source.title.en}) covers Kubernetes ${range} only; this cluster runs ${version ?? 'an unknown version'}: a person must verify`,
      ),
    };
  }
  const result = published.result === 'pass' ? t('通过', 'pass') : t('不通过', 'fail');
  const why = mapping.reason
    ? { zh: `；${mapping.reason.zh}`, en: `; ${mapping.reason.en}` }
    : { zh: '', en: '' };
  return {
    status: 'provider-attested',
    reason: t(
      `提供商公布的结果为“${result.zh}”（${source.title.zh}，适用于 ${range}）${why.zh}`,
      `The provider publishes "${result.en}" (${source.title.en}, for ${range})${why.en}`,
    ),
  };
}

function contradictionOf(mapping: ResultMapping, outcome: CheckOutcome): Text | undefined {
  const published = mapping.published?.result;
  if (!published || (outcome.status !== 'pass' && outcome.status !== 'fail') || outcome.status === published)
    return undefined;
  return t(
    `事实显示“${outcome.status === 'pass' ? '通过' : '不通过'}”，与提供商公布的“${published === 'pass' ? '通过' : '不通过'}”不一致`,
    `The facts show "${outcome.status}", which contradicts the provider's published "${published}"`,
  );
}
