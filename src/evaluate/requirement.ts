// Decides one requirement: applies the profile mapping, runs the checks that decide it, keeps the evidence.
import type { RequirementResult, ResultMapping } from '../model/assessment.js';
import type { ProviderProfile, Requirement } from '../model/catalogue.js';
import type { Check, CheckContext, CheckOutcome } from '../model/check.js';
import type { Status } from '../model/status.js';
import { t, type Text } from '../model/text.js';
import { defeatOf } from './contradictions.js';
import { combineOutcomes, runCheck } from './run-checks.js';
import { inMinorRange, minorOf } from './version-range.js';

export interface RequirementInput {
  requirement: Requirement;
  mapping: ResultMapping;
  /** The profile's own remediation for this row (from the row or its checks), in place of the framework's. */
  remediation?: Text;
  profile: ProviderProfile;
  checks: ReadonlyMap<string, Check>;
  ctx: CheckContext;
}

export function decideRequirement(input: RequirementInput): RequirementResult {
  const { requirement, mapping } = input;
  const decision = scopeUnknown(input, outsideScope(input) ?? decide(input));
  const offenders = decision.outcome?.offenders ?? [];
  const remediation = remediationOf(input);
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
    ...(remediation ? { remediation } : {}),
    ...(requirement.procedure ? { procedure: requirement.procedure } : {}),
    ...(decision.contradiction ? { contradiction: decision.contradiction } : {}),
    ...(requirement.review?.deviation ? { deviation: requirement.review.deviation } : {}),
  };
}

/**
 * Remediation belongs to the profile: its own text for the row or its checks first; then, on a row the provider
 * answers for, the profile's "no customer action" sentence and what the provider publishes for the row; the
 * framework's (generic, kubeadm-shaped) remediation only where the profile says nothing.
 */
function remediationOf(input: RequirementInput): Text | undefined {
  const { profile, mapping, requirement } = input;
  if (input.remediation) return input.remediation;
  if (mapping.responsibility !== 'provider' || !profile.providerRemediation) return requirement.remediation;
  const base = profile.providerRemediation;
  const published = mapping.published;
  const source = published ? profile.attestations[published.source] : undefined;
  if (!published || !source) return base;
  const where = source.url ? `${source.title.en} (${source.url})` : source.title.en;
  const whereZh = source.url ? `${source.title.zh}（${source.url}）` : source.title.zh;
  return published.result === 'pass'
    ? t(
        `${base.zh} 提供商对此项公布的结果为“通过”：${whereZh}。`,
        `${base.en} The provider publishes "pass" for this item: ${where}.`,
      )
    : t(
        `${base.zh} 提供商对此项公布的结果为“不通过”：${whereZh}；客户无法更改此设置，请将其作为提供商的已知差距记入风险登记，并按提供商的建议采取补偿措施。`,
        `${base.en} The provider publishes "fail" for this item: ${where}; no customer setting changes it, so record it in the risk register as a known gap of the provider and apply the compensating measures the provider recommends.`,
      );
}

/**
 * A requirement the standard limits to some Kubernetes versions (Q/KXY 5.1.4.5: below 1.24) is not
 * applicable on a cluster outside them. An unknown version decides nothing here: the checks run as usual.
 */
function outsideScope(input: RequirementInput): Decision | undefined {
  const scope = input.requirement.review?.scope;
  if (!scope || (!scope.from && !scope.below)) return undefined;
  const version = input.ctx.facts.cluster.kubernetesVersion;
  const range = rangeText(scope);
  const v = minorOf(version);
  if (!v) return undefined;
  const n = (m: string) => {
    const [major, minor] = minorOf(m)!;
    return major * 1000 + minor;
  };
  const here = v[0] * 1000 + v[1];
  const inside = (!scope.from || here >= n(scope.from)) && (!scope.below || here < n(scope.below));
  if (inside) return undefined;
  return {
    status: 'not-applicable',
    reason: t(
      `标准规定此项仅适用于 Kubernetes ${range}；本集群为 ${version}`,
      `The standard limits this to Kubernetes ${range}; this cluster runs ${version}`,
    ),
  };
}

/**
 * With the cluster version unknown, a version-scoped requirement cannot be placed in or out of scope and
 * defaults differ across versions (the insecure port was open by default before 1.20): an observed
 * failure stands, but a pass is left to a person, so losing version.json never turns into a pass.
 */
function scopeUnknown(input: RequirementInput, decision: Decision): Decision {
  const scope = input.requirement.review?.scope;
  if (decision.status !== 'pass' || !scope || (!scope.from && !scope.below)) return decision;
  if (minorOf(input.ctx.facts.cluster.kubernetesVersion)) return decision;
  const range = rangeText(scope);
  return {
    ...decision,
    status: 'manual',
    reason: t(
      `标准规定此项仅适用于 Kubernetes ${range}；快照中没有集群版本，无法判断是否适用及其默认值：需人工核查（检查结果：${decision.reason.zh}）`,
      `The standard limits this to Kubernetes ${range}; the snapshot holds no cluster version, so neither scope nor defaults can be decided: a person must verify (the checks said: ${decision.reason.en})`,
    ),
  };
}

/** `≥ 1.22, < 1.24` for a review scope. */
function rangeText(scope: { from?: string; below?: string }): string {
  return [scope.from ? `≥ ${scope.from}` : '', scope.below ? `< ${scope.below}` : '']
    .filter(Boolean)
    .join(', ');
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
  const defeated = defeatedAttestation(mapping, ctx);
  if (defeated) return defeated;
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

/**
 * The cluster's own facts defeat the published result when they show what the profile names as contradicting it:
 * "published: pass; this cluster: RBAC disabled → fail". Both are kept, the facts decide.
 */
function defeatedAttestation(mapping: ResultMapping, ctx: CheckContext): Decision | undefined {
  const published = mapping.published;
  const defeat = defeatOf(ctx.facts, mapping.contradictedBy);
  if (!published || !defeat || defeat.contradiction.result === published.result) return undefined;
  const said = (r: 'pass' | 'fail') => (r === 'pass' ? t('通过', 'pass') : t('不通过', 'fail'));
  const status = defeat.contradiction.result;
  const why = defeat.contradiction.reason;
  const reason = t(
    `提供商公布：${said(published.result).zh}；本群集：${why.zh} → ${said(status).zh}`,
    `published: ${said(published.result).en}; this cluster: ${why.en} → ${said(status).en}`,
  );
  return {
    status,
    reason,
    outcome: { status, reason, evidence: defeat.evidence },
    contradiction: t(
      `本群集的事实（${why.zh}）与提供商公布的“${said(published.result).zh}”相矛盾，以事实为准`,
      `This cluster's facts (${why.en}) contradict the provider's published "${published.result}"; the facts decide`,
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
