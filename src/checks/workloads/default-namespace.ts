// Check: no workload runs in the default namespace.
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import { definePodCheck } from '../lib/workload-check.js';

export default definePodCheck({
  id: 'workload-default-namespace',
  title: t('不在 default 命名空间中运行工作负载', 'No workloads run in the default namespace'),
  remediation: t(
    '为每个应用创建专用命名空间，把 default 中的工作负载迁移过去，并通过 RBAC 或准入策略阻止在 default 中创建资源。',
    'Create a namespace per application, move the workloads out of default, and use RBAC or an admission policy to stop new resources being created in default.',
  ),
  breach: t('位于 default 命名空间', 'sit in the default namespace'),
  path: 'metadata.namespace',
  expected: 'not default',
  inspect: ({ object }) =>
    object.metadata.namespace === 'default' ? [{ field: 'metadata.namespace', value: 'default' }] : [],
  examples: [
    {
      name: 'workloads in their own namespace',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('api', 'shop', [{}])] }),
    },
    {
      name: 'a debug pod in default',
      expect: 'fail',
      facts: () => exampleFacts({ objects: [pod('debug-shell', 'default', [{}])] }),
    },
    {
      name: 'a Deployment in default',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('Deployment', 'nginx', 'default', {
              containers: [{ name: 'n', image: 'nginx:1.27' }],
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
