// Factory for checks that read component flags: the command line decides, defaults apply when absent.
import type { Check, CheckExample, Evidence } from '../../model/check.js';
import type { Facts, JsonValue } from '../../model/facts.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';
import { componentArgs, type Component } from './components.js';
import { flagValue, hasFlag, type ParsedFlags } from './flags.js';
import { controlPlaneProcessNeed } from './node-coverage.js';
import { fail, manual, pass } from './outcome.js';

/** What one command line says: `ok` undefined means the flags cannot decide (a person must). */
export interface FlagVerdict {
  ok: boolean | undefined;
  observed: JsonValue;
}

export interface FlagCheckSpec {
  id: string;
  title: Text;
  component: Component;
  /** The flag (or flags) the check reads, without dashes; shown in the evidence path. */
  flag: string | string[];
  /** Human-readable expectation, e.g. "false" or ">= 30". */
  expected: string;
  /**
   * Decides from the parsed flags; `observed` is what the evidence shows (the default when absent). `facts`
   * is there for defaults that depend on the cluster (the Kubernetes version).
   */
  test: (flags: ParsedFlags, facts: Facts) => FlagVerdict;
  /**
   * A flag that makes the component ignore the ones checked (etcd `--config-file`, kube-scheduler
   * `--config` for deprecated flags): when present the flags prove nothing and the result is manual.
   */
  ignoredWhen?: { flag: string; reason: Text };
  remediation: Text;
  examples: CheckExample[];
}

/** Control-plane command lines come from node processes or kube-system's static pods: other namespaces do not matter. */
const SYSTEM_PODS = 'kubernetes:Pod/kube-system';
// Control-plane components need the process facts only of the nodes that may run them unseen (see node-coverage.ts).
const COMPONENT_NEEDS: Record<Component, string[]> = {
  'kube-apiserver': [controlPlaneProcessNeed('kube-apiserver'), SYSTEM_PODS],
  'kube-controller-manager': [controlPlaneProcessNeed('kube-controller-manager'), SYSTEM_PODS],
  'kube-scheduler': [controlPlaneProcessNeed('kube-scheduler'), SYSTEM_PODS],
  etcd: [controlPlaneProcessNeed('etcd'), SYSTEM_PODS],
  kubelet: ['node:processes', 'kubernetes:configz'],
  'kube-proxy': ['node:processes', SYSTEM_PODS],
};

export function componentNeeds(component: Component): string[] {
  return COMPONENT_NEEDS[component];
}

/** The reason given when no command line of a component was observed. */
export function noCommandLine(component: Component): Text {
  return t(
    `快照中没有 ${component} 的命令行（既无节点进程事实，也无 kube-system 静态 Pod）`,
    `The snapshot holds no command line for ${component} (no node process facts, no kube-system static pod)`,
  );
}

export function defineFlagCheck(spec: FlagCheckSpec): Check {
  const names = Array.isArray(spec.flag) ? spec.flag : [spec.flag];
  const shown = names.map((n) => `--${n}`).join(', ');
  return {
    id: spec.id,
    title: spec.title,
    component: spec.component,
    needs: COMPONENT_NEEDS[spec.component],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts }) {
      const found = componentArgs(facts, spec.component);
      if (found.length === 0) return manual(noCommandLine(spec.component));
      const evidence: Evidence[] = [];
      let failed = 0;
      let undecided = 0;
      let ignored = 0;
      for (const args of found) {
        if (spec.ignoredWhen && hasFlag(args.flags, spec.ignoredWhen.flag)) {
          ignored++;
          evidence.push({
            source: args.source,
            path: `${args.location} --${spec.ignoredWhen.flag}`,
            observed: flagValue(args.flags, spec.ignoredWhen.flag) ?? null,
            expected: spec.expected,
            time: args.time,
            file: args.file,
          });
          continue;
        }
        const { ok, observed } = spec.test(args.flags, facts);
        if (ok === false) failed++;
        if (ok === undefined) undecided++;
        evidence.push({
          source: args.source,
          path: `${args.location} ${shown}`,
          observed: observed ?? (names.length === 1 ? (flagValue(args.flags, names[0]!) ?? null) : null),
          expected: spec.expected,
          time: args.time,
          file: args.file,
        });
      }
      if (failed > 0) {
        return fail(
          t(
            `${failed} 处 ${spec.component} 的 ${shown} 不符合要求（应为 ${spec.expected}）`,
            `${shown} of ${spec.component} does not meet the requirement (${spec.expected}) in ${failed} place(s)`,
          ),
          evidence,
        );
      }
      if (ignored > 0 && spec.ignoredWhen) return manual(spec.ignoredWhen.reason, evidence);
      if (undecided > 0) {
        return manual(
          t(
            `${spec.component} 的 ${shown} 取值需要人工判断是否恰当（期望：${spec.expected}）`,
            `Whether ${shown} of ${spec.component} is appropriate needs a person (expected: ${spec.expected})`,
          ),
          evidence,
        );
      }
      return pass(
        t(`${shown} 符合要求（${spec.expected}）`, `${shown} meets the requirement (${spec.expected})`),
        evidence,
      );
    },
  };
}
