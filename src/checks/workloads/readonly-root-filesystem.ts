// Check: every container runs with a read-only root filesystem.
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, dig } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-readonly-root-filesystem',
  title: t('容器使用只读根文件系统', 'Containers use a read-only root filesystem'),
  remediation: t(
    '在容器的 securityContext 中设置 readOnlyRootFilesystem: true，需要写入的目录改挂 emptyDir 卷。',
    'Set readOnlyRootFilesystem: true in the container securityContext and mount emptyDir volumes for the directories it must write.',
  ),
  breach: t(
    '根文件系统可写（readOnlyRootFilesystem 不为 true）',
    'have a writable root filesystem (readOnlyRootFilesystem not true)',
  ),
  path: 'containers[].securityContext.readOnlyRootFilesystem',
  expected: 'true',
  linuxOnly: true,
  inspect(ref): Finding[] {
    const value = dig(ref.container, ['securityContext', 'readOnlyRootFilesystem']);
    return value === true
      ? []
      : [{ field: containerField(ref, 'securityContext.readOnlyRootFilesystem'), value: value ?? null }];
  },
  examples: [
    {
      name: 'read-only root',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [pod('api', 'shop', [{ securityContext: { readOnlyRootFilesystem: true } }])],
        }),
    },
    {
      name: 'one of two containers writable',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [{ securityContext: { readOnlyRootFilesystem: true } }, { name: 'proxy' }]),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
