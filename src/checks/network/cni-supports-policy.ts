// Check: the cluster's network plugin enforces NetworkPolicy (AKS network policy engine, or a policy-capable CNI seen running).
import type { Check } from '../../model/check.js';
import { t } from '../../model/text.js';
import { armEvidence, armValue } from '../lib/azure.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { isCollected, kubeEvidence, objectsOf } from '../lib/index.js';
import { describe, findWorkloads, sightingEvidence, workloadKindsCollected } from '../lib/inventory.js';
import { fail, manual, pass } from '../lib/outcome.js';

/** Plugins that enforce NetworkPolicy. Canal is flannel with Calico's policy agent, so it counts. */
const POLICY_CNI =
  /\b(calico|cilium|antrea|weave-net|weaveworks\/weave-kube|kube-router|canal|kube-ovn)\b|calico\/node|cilium\/cilium|antrea\/antrea/;
const FLANNEL = /flannel/;
const AKS_ENGINES = new Set(['azure', 'calico', 'cilium']);

const check: Check = {
  id: 'network-cni-supports-policy',
  title: t('网络插件支持网络策略', 'The network plugin supports NetworkPolicy'),
  component: 'network',
  needs: ['kubernetes:DaemonSet', 'kubernetes:Pod'],
  remediation: t(
    'AKS：创建或更新群集时设置 --network-policy azure|calico|cilium。自管群集：使用 Calico、Cilium、Antrea 等支持 NetworkPolicy 的插件（单独的 flannel 不执行网络策略，可改用 Canal）。',
    'AKS: set --network-policy azure|calico|cilium when creating or updating the cluster. Self-run clusters: use a plugin that enforces NetworkPolicy such as Calico, Cilium or Antrea (flannel alone does not; Canal adds enforcement to it).',
  ),
  run({ facts }) {
    const cluster = facts.azure.managedCluster;
    // On AKS the engine is an ARM setting, unless the customer brought their own CNI (networkPlugin none).
    if (cluster && armValue(facts, 'networkProfile.networkPlugin') !== 'none') {
      const engine = armEvidence(facts, 'networkProfile.networkPolicy', 'azure, calico or cilium');
      if (typeof engine.observed === 'string' && AKS_ENGINES.has(engine.observed)) {
        return pass(
          t(`AKS 网络策略引擎为 ${engine.observed}`, `The AKS network policy engine is ${engine.observed}`),
          [engine],
        );
      }
      return fail(
        t(
          'AKS 未启用网络策略引擎（networkProfile.networkPolicy 未设置或为 none），NetworkPolicy 不会生效',
          'AKS runs no network policy engine (networkProfile.networkPolicy unset or none): NetworkPolicies are not enforced',
        ),
        [engine],
      );
    }
    const capable = findWorkloads(facts, POLICY_CNI);
    if (capable.length > 0) {
      return pass(
        t(
          `发现支持网络策略的插件：${capable.slice(0, 5).map(describe).join('、')}`,
          `A policy-capable plugin runs: ${capable.slice(0, 5).map(describe).join(', ')}`,
        ),
        [
          sightingEvidence(
            facts,
            'daemonsets/pods matching calico|cilium|antrea|weave|kube-router|canal',
            capable,
            'a policy-capable CNI',
          ),
        ],
      );
    }
    const flannel = findWorkloads(facts, FLANNEL);
    if (flannel.length > 0) {
      return fail(
        t(
          `只发现 flannel（${flannel.slice(0, 3).map(describe).join('、')}），它不执行 NetworkPolicy`,
          `Only flannel runs (${flannel.slice(0, 3).map(describe).join(', ')}), and it does not enforce NetworkPolicy`,
        ),
        [sightingEvidence(facts, 'daemonsets/pods matching flannel', flannel, 'a policy-capable CNI')],
      );
    }
    const policies = objectsOf(facts, 'NetworkPolicy');
    if (policies.length > 0) {
      // Someone relies on NetworkPolicies and no non-enforcing plugin was seen: the brief's weaker evidence.
      return pass(
        t(
          `未识别出网络插件，但群集中存在 ${policies.length} 个 NetworkPolicy 且未发现不支持策略的插件`,
          `The plugin was not identified, but ${policies.length} NetworkPolicies exist and no non-enforcing plugin was seen`,
        ),
        [
          kubeEvidence(
            facts,
            'NetworkPolicy',
            'kubernetes:networkpolicies',
            `${policies.length} NetworkPolicies`,
            'a policy-capable CNI',
          ),
        ],
      );
    }
    const known = workloadKindsCollected(facts) || isCollected(facts, 'NetworkPolicy');
    return manual(
      known
        ? t(
            '在已采集的 Pod 与 DaemonSet 中未识别出网络插件，请人工确认',
            'No network plugin could be identified among the pods and DaemonSets collected; a person must confirm which runs',
          )
        : t(
            '快照中既无 AKS 网络配置，也无 Pod 或 DaemonSet 列表',
            'The snapshot holds neither AKS network settings nor a list of pods or DaemonSets',
          ),
    );
  },
  examples: [
    {
      name: 'AKS with Azure network policy',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          managedCluster: {
            name: 'c',
            kubernetesVersion: '1.30.6',
            networkProfile: { networkPlugin: 'azure', networkPolicy: 'azure' },
          },
        }),
    },
    {
      name: 'AKS without a policy engine',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          managedCluster: {
            name: 'c',
            kubernetesVersion: '1.30.6',
            networkProfile: { networkPlugin: 'kubenet', networkPolicy: 'none' },
          },
        }),
    },
    {
      name: 'calico-node DaemonSet',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            workloadObject('DaemonSet', 'calico-node', 'kube-system', {
              containers: [{ name: 'calico-node', image: 'docker.io/calico/node:v3.28.2' }],
            }),
          ],
        }),
    },
    {
      name: 'flannel only, even with NetworkPolicies present',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            workloadObject('DaemonSet', 'kube-flannel-ds', 'kube-flannel', {
              containers: [{ name: 'kube-flannel', image: 'ghcr.io/flannel-io/flannel:v0.26.1' }],
            }),
            kubeObject('NetworkPolicy', 'deny', 'shop', { spec: { podSelector: {} } }),
          ],
        }),
    },
    {
      name: 'unknown plugin and no policies',
      expect: 'manual',
      facts: () => exampleFacts({ objects: [pod('api', 'shop', [{}])] }),
    },
  ],
};
export default check;
