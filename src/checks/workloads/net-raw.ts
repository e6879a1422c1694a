// Check: no container keeps NET_RAW: it must be dropped (or ALL dropped), never added, and the container not privileged.
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { capabilities, containerField, isPrivileged } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-net-raw',
  title: t('容器不具备 NET_RAW 能力', 'Containers do not hold the NET_RAW capability'),
  remediation: t(
    '在容器的 securityContext.capabilities.drop 中加入 ALL（或至少 NET_RAW），不要在 add 中加入 NET_RAW，也不要使用特权容器。',
    'Put ALL (or at least NET_RAW) in securityContext.capabilities.drop, never add NET_RAW, and do not run the container privileged.',
  ),
  breach: t('保留 NET_RAW 能力', 'keep the NET_RAW capability'),
  path: 'containers[].securityContext.capabilities / privileged',
  expected: 'NET_RAW or ALL dropped; NET_RAW not added; not privileged',
  linuxOnly: true,
  inspect(ref): Finding[] {
    const add = capabilities(ref, 'add');
    if (add.includes('NET_RAW') || add.includes('ALL'))
      return [{ field: containerField(ref, 'securityContext.capabilities.add'), value: add }];
    // A privileged container receives every capability whatever drop says.
    if (isPrivileged(ref)) return [{ field: containerField(ref, 'securityContext.privileged'), value: true }];
    const drop = capabilities(ref, 'drop');
    if (drop.includes('NET_RAW') || drop.includes('ALL')) return [];
    return [{ field: containerField(ref, 'securityContext.capabilities.drop'), value: drop }];
  },
  examples: [
    {
      name: 'drops ALL (lower case, as some charts write it)',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [pod('dns', 'net', [{ securityContext: { capabilities: { drop: ['all'] } } }])],
        }),
    },
    {
      name: 'drops nothing (runtime default keeps NET_RAW)',
      expect: 'fail',
      facts: () => exampleFacts({ objects: [pod('web', 'shop', [{}])] }),
    },
    {
      name: 'adds NET_RAW after dropping ALL',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('ping', 'ops', [{ securityContext: { capabilities: { drop: ['ALL'], add: ['NET_RAW'] } } }]),
          ],
        }),
    },
    {
      name: 'privileged despite dropping ALL',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('agent', 'ops', [{ securityContext: { privileged: true, capabilities: { drop: ['ALL'] } } }]),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
