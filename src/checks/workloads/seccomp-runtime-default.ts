// Check: every container runs under a seccomp profile (RuntimeDefault or Localhost), set on the container, inherited from the pod, or defaulted by the kubelet.
import type { Facts } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import { memo } from '../lib/index.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, effectiveSecurity, podAnnotations } from '../lib/workloads.js';

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);

/** Legacy annotation values (before seccompProfile, removed in 1.27 but still found in old manifests). */
function legacyConfined(value: string | undefined): boolean {
  return (
    value === 'runtime/default' || value === 'docker/default' || (value?.startsWith('localhost/') ?? false)
  );
}

/**
 * With `seccompDefault: true` in every node's kubelet configuration, an unset profile runs as RuntimeDefault.
 * Only the /configz answers are trusted here, and only when every collected node says so.
 */
function kubeletDefaultsSeccomp(facts: Facts): boolean {
  return memo(facts, 'seccomp:kubeletDefault', () => {
    const configs = [...facts.kubernetes.configz.values()];
    return configs.length > 0 && configs.every((c) => c.seccompDefault === true);
  });
}

export default defineContainerCheck({
  id: 'workload-seccomp-runtime-default',
  title: t(
    '容器使用 seccomp 配置文件（RuntimeDefault 或 Localhost）',
    'Containers run under a seccomp profile (RuntimeDefault or Localhost)',
  ),
  remediation: t(
    '在 Pod 的 securityContext 中设置 seccompProfile: { type: RuntimeDefault }（容器会继承），或在所有节点的 kubelet 配置中启用 seccompDefault: true。',
    'Set seccompProfile: { type: RuntimeDefault } in the pod securityContext (containers inherit it), or enable seccompDefault: true in the kubelet configuration of every node.',
  ),
  breach: t(
    '未使用 seccomp 配置文件（未设置或为 Unconfined）',
    'run without a seccomp profile (unset or Unconfined)',
  ),
  path: 'securityContext.seccompProfile.type (container, else pod; legacy annotations; kubelet seccompDefault)',
  expected: 'RuntimeDefault or Localhost',
  linuxOnly: true,
  inspect(ref, facts): Finding[] {
    const type = effectiveSecurity(ref, ['seccompProfile', 'type']);
    if (typeof type.value === 'string' && CONFINED.has(type.value)) return [];
    const field =
      type.from === 'pod'
        ? 'spec.securityContext.seccompProfile.type'
        : containerField(ref, 'securityContext.seccompProfile.type');
    if (type.value !== undefined) return [{ field, value: type.value }];
    const annotations = podAnnotations(ref);
    const legacy =
      annotations[`container.seccomp.security.alpha.kubernetes.io/${ref.containerName}`] ??
      annotations['seccomp.security.alpha.kubernetes.io/pod'];
    if (legacyConfined(legacy)) return [];
    if (legacy === undefined && kubeletDefaultsSeccomp(facts)) return [];
    return [{ field, value: legacy ?? null }];
  },
  examples: [
    {
      name: 'RuntimeDefault at pod level, inherited by both containers',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [{ name: 'api' }, { name: 'proxy' }], {
              securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
            }),
          ],
        }),
    },
    {
      name: 'container overrides the pod with Unconfined',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [{ securityContext: { seccompProfile: { type: 'Unconfined' } } }], {
              securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
            }),
          ],
        }),
    },
    {
      name: 'unset everywhere',
      expect: 'fail',
      facts: () => exampleFacts({ objects: [pod('web', 'shop', [{}])] }),
    },
    {
      name: 'unset, but every kubelet runs with seccompDefault',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [pod('web', 'shop', [{}])],
          configz: { n1: { seccompDefault: true }, n2: { seccompDefault: true } },
        }),
    },
    {
      name: 'legacy pod annotation on a Deployment template',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject(
              'Deployment',
              'old',
              'shop',
              { containers: [{ name: 'a', image: 'r/a:1' }] },
              { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } },
            ),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
