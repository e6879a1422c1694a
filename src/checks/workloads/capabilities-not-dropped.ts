// Check: every container drops ALL capabilities (adding back only what it needs).
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { capabilities, containerField } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-capabilities-not-dropped',
  title: t('容器丢弃全部 Linux 能力', 'Containers drop all Linux capabilities'),
  remediation: t(
    '在每个容器中设置 securityContext.capabilities.drop: ["ALL"]，只在 add 中加回确实需要的能力。',
    'Set securityContext.capabilities.drop: ["ALL"] on every container and add back only the capabilities it really needs.',
  ),
  breach: t('未丢弃全部能力（drop 中没有 ALL）', 'do not drop all capabilities (no ALL in drop)'),
  path: 'containers[].securityContext.capabilities.drop',
  expected: 'contains ALL',
  linuxOnly: true,
  inspect(ref): Finding[] {
    const drop = capabilities(ref, 'drop');
    return drop.includes('ALL')
      ? []
      : [{ field: containerField(ref, 'securityContext.capabilities.drop'), value: drop }];
  },
  examples: [
    {
      name: 'drops ALL',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [pod('api', 'shop', [{ securityContext: { capabilities: { drop: ['ALL'] } } }])],
        }),
    },
    {
      name: 'drops only NET_RAW',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [pod('api', 'shop', [{ securityContext: { capabilities: { drop: ['NET_RAW'] } } }])],
        }),
    },
    {
      name: 'init container drops nothing',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [{ securityContext: { capabilities: { drop: ['ALL'] } } }], {
              initContainers: [{ name: 'migrate', image: 'r/m:1' }],
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
