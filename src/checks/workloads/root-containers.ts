// Check: no container may run as root: runAsNonRoot true or a non-zero runAsUser, inherited from the pod where unset.
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, effectiveSecurity } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-root-containers',
  title: t('容器不以 root 用户运行', 'Containers do not run as root'),
  remediation: t(
    '在 Pod 或容器的 securityContext 中设置 runAsNonRoot: true 和非零的 runAsUser，并在镜像中使用非 root 的 USER。',
    'Set runAsNonRoot: true and a non-zero runAsUser in the pod or container securityContext, and build images with a non-root USER.',
  ),
  breach: t(
    '可能以 root 运行（runAsUser 为 0，或未设置 runAsNonRoot: true 且未指定非零 runAsUser）',
    'may run as root (runAsUser 0, or neither runAsNonRoot: true nor a non-zero runAsUser)',
  ),
  path: 'securityContext.runAsNonRoot / runAsUser (container, else pod)',
  expected: 'runAsNonRoot: true or runAsUser > 0, and never runAsUser 0',
  linuxOnly: true,
  inspect(ref): Finding[] {
    const user = effectiveSecurity(ref, ['runAsUser']);
    const nonRoot = effectiveSecurity(ref, ['runAsNonRoot']);
    const where = (from: 'container' | 'pod' | undefined, field: string) =>
      from === 'pod' ? `spec.securityContext.${field}` : containerField(ref, `securityContext.${field}`);
    if (user.value === 0) return [{ field: where(user.from, 'runAsUser'), value: 0 }];
    if (nonRoot.value === true) return [];
    // A non-zero UID is enough: the image's USER is not consulted when runAsUser is set.
    if (typeof user.value === 'number' && user.value > 0) return [];
    return [{ field: where(nonRoot.from, 'runAsNonRoot'), value: nonRoot.value ?? null }];
  },
  examples: [
    {
      name: 'runAsNonRoot inherited from the pod securityContext',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [{ name: 'api' }, { name: 'sidecar' }], {
              securityContext: { runAsNonRoot: true },
            }),
          ],
        }),
    },
    {
      name: 'non-zero runAsUser on the container',
      expect: 'pass',
      facts: () =>
        exampleFacts({ objects: [pod('api', 'shop', [{ securityContext: { runAsUser: 10001 } }])] }),
    },
    {
      name: 'container overrides the pod with runAsUser 0',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [{ securityContext: { runAsUser: 0 } }], {
              securityContext: { runAsNonRoot: true, runAsUser: 1000 },
            }),
          ],
        }),
    },
    {
      name: 'StatefulSet template without any user setting',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            workloadObject('StatefulSet', 'db', 'shop', {
              containers: [{ name: 'postgres', image: 'postgres:16.4' }],
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
