// Check: every container names an AppArmor profile: securityContext.appArmorProfile (container, else pod) or the legacy per-container annotation.
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, effectiveSecurity, podAnnotations } from '../lib/workloads.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export default defineContainerCheck({
  id: 'workload-apparmor',
  title: t('容器设置了 AppArmor 配置文件', 'Containers set an AppArmor profile'),
  remediation: t(
    '在 Pod 或容器的 securityContext 中设置 appArmorProfile: { type: RuntimeDefault }（Kubernetes 1.30 起）；旧版本使用注解 container.apparmor.security.beta.kubernetes.io/<容器名>: runtime/default。',
    'Set appArmorProfile: { type: RuntimeDefault } in the pod or container securityContext (Kubernetes 1.30+); on older versions use the annotation container.apparmor.security.beta.kubernetes.io/<container>: runtime/default.',
  ),
  breach: t(
    '未设置 AppArmor 配置文件（未设置或为 Unconfined）',
    'set no AppArmor profile (unset or Unconfined)',
  ),
  path: 'securityContext.appArmorProfile.type (container, else pod) or container.apparmor.security.beta.kubernetes.io/<container>',
  expected: 'RuntimeDefault or Localhost (runtime/default or localhost/*)',
  linuxOnly: true,
  inspect(ref): Finding[] {
    const type = effectiveSecurity(ref, ['appArmorProfile', 'type']);
    if (type.value === 'RuntimeDefault' || type.value === 'Localhost') return [];
    const field =
      type.from === 'pod'
        ? 'spec.securityContext.appArmorProfile.type'
        : containerField(ref, 'securityContext.appArmorProfile.type');
    if (type.value !== undefined) return [{ field, value: type.value }];
    // The annotation is per container; it still works on 1.30+ and must match the field when both are set.
    const key = `${ANNOTATION_PREFIX}${ref.containerName}`;
    const legacy = podAnnotations(ref)[key];
    if (legacy === 'runtime/default' || legacy?.startsWith('localhost/')) return [];
    return legacy !== undefined
      ? [{ field: `metadata.annotations[${key}]`, value: legacy }]
      : [{ field, value: null }];
  },
  examples: [
    {
      name: 'RuntimeDefault at pod level',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [{}], { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }),
          ],
        }),
    },
    {
      name: 'legacy annotation on a Deployment template',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject(
              'Deployment',
              'api',
              'shop',
              { containers: [{ name: 'api', image: 'r/a:1' }] },
              { annotations: { 'container.apparmor.security.beta.kubernetes.io/api': 'runtime/default' } },
            ),
          ],
        }),
    },
    {
      name: 'legacy annotation names another container only',
      expect: 'fail',
      facts: () => {
        const p = pod('api', 'shop', [{ name: 'api' }, { name: 'sidecar' }]);
        p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/api': 'runtime/default' };
        return exampleFacts({ objects: [p] });
      },
    },
    {
      name: 'explicitly Unconfined',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [pod('debug', 'ops', [{ securityContext: { appArmorProfile: { type: 'Unconfined' } } }])],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
