// Factory for AKS kubelet checks: the nodes decide when configz or node facts exist; otherwise each pool's ARM kubeletConfig does.
import type { Check, CheckExample } from '../../model/check.js';
import type { JsonValue } from '../../model/facts.js';
import { t, type Text } from '../../model/text.js';
import { kubeletNodes } from './kubelet-config.js';
import { agentPools, poolEvidence } from './agent-pools.js';
import { noManagedCluster } from './azure.js';
import { readPath } from '../../facts/managed-cluster.js';
import { fail, manual, pass } from './outcome.js';

export interface KubeletOrPoolsSpec {
  id: string;
  title: Text;
  remediation: Text;
  examples: CheckExample[];
  /** The check that reads the nodes' own kubelet configuration. */
  nodeCheck: Check;
  /** The field of an agent pool's kubeletConfig (ARM custom node configuration). */
  poolField: string;
  expected: string;
  /** true / false, or undefined when the pool's value does not tell (absent with no known default). */
  judge(value: JsonValue | undefined): boolean | undefined;
  passReason: Text;
  failReason: Text;
}

export function defineKubeletOrPoolsCheck(spec: KubeletOrPoolsSpec): Check {
  const path = `kubeletConfig.${spec.poolField}`;
  return {
    id: spec.id,
    title: spec.title,
    component: 'azure',
    needs: ['azure:managedCluster'],
    remediation: spec.remediation,
    examples: spec.examples,
    run(ctx) {
      // What the kubelets report is the setting in force; the pool's requested configuration is the fallback.
      if (kubeletNodes(ctx.facts, ctx.params).length > 0) return spec.nodeCheck.run(ctx);
      const { facts } = ctx;
      if (!facts.azure.managedCluster) return noManagedCluster();
      const pools = agentPools(facts);
      if (!pools || pools.length === 0)
        return manual(
          t(
            '既没有 kubelet 的 configz 或节点事实，ARM 数据中也没有代理池',
            'There is no kubelet configz or node facts, and the ARM data lists no agent pools',
          ),
        );
      const evidence = pools.map((p) => poolEvidence(facts, p, path, spec.expected));
      const verdicts = pools.map((p) => ({ name: p.name, ok: spec.judge(readPath(p.profile, path)) }));
      const bad = verdicts.filter((v) => v.ok === false).map((v) => v.name);
      const unknown = verdicts.filter((v) => v.ok === undefined).map((v) => v.name);
      const from = t(
        '（取自 ARM 代理池的 kubeletConfig，未采集 configz）',
        ' (from the ARM agent pools kubeletConfig; no configz was collected)',
      );
      if (bad.length > 0)
        return fail(
          t(
            `${spec.failReason.zh}：代理池 ${bad.join('、')}${from.zh}`,
            `${spec.failReason.en}: agent pool(s) ${bad.join(', ')}${from.en}`,
          ),
          evidence,
        );
      if (unknown.length > 0)
        return manual(
          t(
            `代理池 ${unknown.join('、')} 未设置 ${path}，且未采集 configz：无法判断实际值`,
            `Agent pool(s) ${unknown.join(', ')} do not set ${path} and no configz was collected: the value in force is unknown`,
          ),
          evidence,
        );
      return pass(t(spec.passReason.zh + from.zh, spec.passReason.en + from.en), evidence);
    },
  };
}
