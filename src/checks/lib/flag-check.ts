// Factory for checks that read one component flag: the command line decides, defaults apply when absent.
import type { Check, CheckExample, Evidence } from '../../model/check.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';
import { componentArgs, type Component } from './components.js';
import { flagValue, type ParsedFlags } from './flags.js';
import { fail, manual, pass } from './outcome.js';

export interface FlagCheckSpec {
  id: string;
  title: Text;
  component: Component;
  flag: string;
  /** Human-readable expectation, e.g. "false" or ">= 30". */
  expected: string;
  /** Decides from the parsed flags; `observed` is what the evidence shows (the default when absent). */
  test: (flags: ParsedFlags) => { ok: boolean; observed: string | null };
  remediation: Text;
  examples: CheckExample[];
}

const COMPONENT_NEEDS: Record<Component, string[]> = {
  'kube-apiserver': ['node:processes', 'kubernetes:Pod'],
  'kube-controller-manager': ['node:processes', 'kubernetes:Pod'],
  'kube-scheduler': ['node:processes', 'kubernetes:Pod'],
  etcd: ['node:processes', 'kubernetes:Pod'],
  kubelet: ['node:processes', 'kubernetes:configz'],
  'kube-proxy': ['node:processes', 'kubernetes:Pod'],
};

export function defineFlagCheck(spec: FlagCheckSpec): Check {
  return {
    id: spec.id,
    title: spec.title,
    component: spec.component,
    needs: COMPONENT_NEEDS[spec.component],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts }) {
      const found = componentArgs(facts, spec.component);
      if (found.length === 0) {
        return manual(
          t(
            `快照中没有 ${spec.component} 的命令行（既无节点进程事实，也无 kube-system 静态 Pod）`,
            `The snapshot holds no command line for ${spec.component} (no node process facts, no kube-system static pod)`,
          ),
        );
      }
      const evidence: Evidence[] = [];
      let failed = 0;
      for (const args of found) {
        const { ok, observed } = spec.test(args.flags);
        if (!ok) failed++;
        evidence.push({
          source: args.source,
          path: `${args.location} --${spec.flag}`,
          observed: observed ?? (flagValue(args.flags, spec.flag) ?? null),
          expected: spec.expected,
          time: args.time,
          file: args.file,
        });
      }
      return failed === 0
        ? pass(t(`--${spec.flag} 符合要求（${spec.expected}）`, `--${spec.flag} meets the requirement (${spec.expected})`), evidence)
        : fail(
            t(`${failed} 处 ${spec.component} 的 --${spec.flag} 不符合要求（应为 ${spec.expected}）`, `--${spec.flag} of ${spec.component} does not meet the requirement (${spec.expected}) in ${failed} place(s)`),
            evidence,
          );
    },
  };
}
