// Check: containers add no Linux capabilities beyond NET_BIND_SERVICE (the one the restricted Pod Security level allows).
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { capabilities, containerField } from '../lib/workloads.js';

/** The only addition the restricted Pod Security Standard accepts. */
const ALLOWED = new Set(['NET_BIND_SERVICE']);

export default defineContainerCheck({
  id: 'workload-added-capabilities',
  title: t('容器不添加额外的 Linux 能力', 'Containers add no extra Linux capabilities'),
  remediation: t(
    '从 securityContext.capabilities.add 中删除除 NET_BIND_SERVICE 以外的能力；确需的能力应记录理由并限定在专用命名空间。',
    'Remove every capability other than NET_BIND_SERVICE from securityContext.capabilities.add; record the reason for any that is truly needed and keep it to a dedicated namespace.',
  ),
  breach: t('添加了 NET_BIND_SERVICE 以外的能力', 'add capabilities other than NET_BIND_SERVICE'),
  path: 'containers[].securityContext.capabilities.add',
  expected: 'empty, or NET_BIND_SERVICE only',
  linuxOnly: true,
  inspect(ref): Finding[] {
    const extra = capabilities(ref, 'add').filter((c) => !ALLOWED.has(c));
    return extra.length === 0
      ? []
      : [{ field: containerField(ref, 'securityContext.capabilities.add'), value: extra }];
  },
  examples: [
    {
      name: 'only NET_BIND_SERVICE added',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('dns', 'net', [
              { securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } },
            ]),
          ],
        }),
    },
    {
      name: 'DaemonSet adds SYS_ADMIN and NET_ADMIN',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('DaemonSet', 'cni', 'net', {
              containers: [
                {
                  name: 'agent',
                  image: 'r/cni:1',
                  securityContext: { capabilities: { add: ['SYS_ADMIN', 'CAP_NET_ADMIN'] } },
                },
              ],
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
