// Factory for workload checks: walks containers or pod specs outside the provider's namespaces and lists every offender.
import type {
  Check,
  CheckContext,
  CheckExample,
  CheckOutcome,
  CheckParameters,
  Offender,
} from '../../model/check.js';
import type { Facts, JsonValue } from '../../model/facts.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';
import { exclusionNote } from './exclusion.js';
import { isCollected, kubeEvidence, missingReason, shortList } from './index.js';
import { fail, manual, pass } from './outcome.js';
import {
  containerList,
  isWindows,
  offender,
  podSpecList,
  scope,
  WORKLOAD_KINDS,
  type ContainerRef,
  type PodSpecRef,
} from './workloads.js';

/** One breach found on a container or pod spec: the field and its observed value. */
export interface Finding {
  field: string;
  value: JsonValue;
}

interface BaseSpec {
  id: string;
  title: Text;
  remediation: Text;
  examples: CheckExample[];
  /** What an offender does, as a predicate: t('以特权模式运行', 'run privileged'). */
  breach: Text;
  /** Where the check looks, for the evidence: `securityContext.privileged`. */
  path: string;
  expected: string;
  /** Linux-only settings (capabilities, seccomp, AppArmor, read-only root) do not apply to Windows pods. */
  linuxOnly?: boolean;
  /** Fact parts beyond the workloads, e.g. `kubernetes:ServiceAccount`. */
  extraNeeds?: string[];
  /**
   * `fail` (default) when any offender is found; `manual` where the rule asks a person to judge
   * whether each use is needed: the offenders are still listed.
   */
  onOffenders?: 'fail' | 'manual';
}

export interface ContainerCheckSpec extends BaseSpec {
  inspect(ref: ContainerRef, facts: Facts): Finding[];
}

export interface PodCheckSpec extends BaseSpec {
  inspect(ref: PodSpecRef, facts: Facts): Finding[];
}

const UNIT = {
  container: t('个容器', 'containers'),
  pod: t('个 Pod 规约（Pod 与工作负载模板）', 'pod specs (pods and workload templates)'),
};

export function defineContainerCheck(spec: ContainerCheckSpec): Check {
  return build(
    spec,
    'container',
    (ctx) => containerList(ctx.facts),
    (ref, facts) =>
      spec.inspect(ref, facts).map((f) => offender(ref.object, f.field, f.value, ref.containerName)),
  );
}

export function definePodCheck(spec: PodCheckSpec): Check {
  return build(
    spec,
    'pod',
    (ctx) => podSpecList(ctx.facts),
    (ref, facts) => spec.inspect(ref, facts).map((f) => offender(ref.object, f.field, f.value)),
  );
}

function build<T extends PodSpecRef>(
  spec: BaseSpec,
  level: 'container' | 'pod',
  list: (ctx: CheckContext) => readonly T[],
  inspect: (ref: T, facts: Facts) => Offender[],
): Check {
  return {
    id: spec.id,
    title: spec.title,
    component: 'workloads',
    needs: ['kubernetes:Pod', ...(spec.extraNeeds ?? [])],
    remediation: spec.remediation,
    examples: spec.examples,
    run(ctx) {
      const { facts, params } = ctx;
      const collected = WORKLOAD_KINDS.filter((kind) => isCollected(facts, kind));
      if (collected.length === 0)
        return manual(missingReason(['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob']));
      const scoped = scope(list(ctx), params);
      const offenders: Offender[] = [];
      const offending = new Set<T>();
      let examined = 0;
      let windows = 0;
      for (const ref of scoped.items) {
        if (spec.linuxOnly && isWindows(ref.spec)) {
          windows++;
          continue;
        }
        examined++;
        const found = inspect(ref, facts);
        if (found.length > 0) {
          offending.add(ref);
          offenders.push(...found);
        }
      }
      return decide(spec, level, facts, params, {
        examined,
        offending: offending.size,
        offenders,
        windows,
        excluded: scoped.excluded,
        excludedNamespaces: scoped.excludedNamespaces,
        collected,
      });
    },
  };
}

interface Tally {
  examined: number;
  offending: number;
  offenders: Offender[];
  windows: number;
  excluded: number;
  excludedNamespaces: string[];
  collected: string[];
}

function decide(
  spec: BaseSpec,
  level: 'container' | 'pod',
  facts: Facts,
  params: CheckParameters,
  tally: Tally,
): CheckOutcome {
  const unit = UNIT[level];
  const notes: Text[] = [];
  if (tally.excluded > 0) {
    const ns = shortList(tally.excludedNamespaces);
    notes.push(exclusionNote(`${tally.excluded} ${unit.zh}`, `${tally.excluded} ${unit.en}`, ns, params));
  }
  if (tally.windows > 0)
    notes.push(
      t(
        `${tally.windows} ${unit.zh}属于 Windows，不适用`,
        `${tally.windows} Windows ${unit.en} not applicable`,
      ),
    );
  const podsMissing = !tally.collected.includes('Pod');
  if (podsMissing)
    notes.push(
      t('未采集 Pod，仅检查了工作负载模板', 'pods were not collected; only workload templates were examined'),
    );
  const suffix = (lang: 'zh' | 'en') =>
    notes.length === 0
      ? ''
      : lang === 'zh'
        ? `；${notes.map((n) => n.zh).join('；')}`
        : `; ${notes.map((n) => n.en).join('; ')}`;

  const evidence = [
    kubeEvidence(
      facts,
      'Pod',
      `kubernetes:${tally.collected.map((k) => k.toLowerCase()).join('+')} .${spec.path}`,
      `${tally.offending} of ${tally.examined} ${unit.en} offend` +
        (tally.excluded > 0
          ? `; ${tally.excluded} in system namespaces (${shortList(tally.excludedNamespaces)}) excluded`
          : '') +
        (tally.windows > 0 ? `; ${tally.windows} Windows not applicable` : ''),
      spec.expected,
    ),
  ];
  if (tally.offending === 0) {
    const reason = t(
      `已检查 ${tally.examined} ${unit.zh}，没有${spec.breach.zh}的情况${suffix('zh')}`,
      `None of ${tally.examined} ${unit.en} ${spec.breach.en}${suffix('en')}`,
    );
    // Without pods, a bare pod could still offend: the templates alone cannot show a pass.
    return podsMissing ? manual(reason, evidence) : pass(reason, evidence);
  }
  const reason = t(
    `${tally.examined} ${unit.zh}中有 ${tally.offending} 个${spec.breach.zh}${suffix('zh')}`,
    `${tally.offending} of ${tally.examined} ${unit.en} ${spec.breach.en}${suffix('en')}`,
  );
  return spec.onOffenders === 'manual'
    ? manual(
        t(`${reason.zh}；请逐一确认是否必要`, `${reason.en}; a person must confirm each is needed`),
        evidence,
        tally.offenders,
      )
    : fail(reason, evidence, tally.offenders);
}
