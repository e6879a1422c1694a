// Check: every container has a memory request and limit (Q/KXY 5.7.5.2), counting what a namespace LimitRange fills in for templates.
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { defineResourceCheck } from '../lib/resource-check.js';

export default defineResourceCheck({
  id: 'workload-memory-requests-limits',
  title: t('容器设置了内存请求和限制', 'Containers set memory requests and limits'),
  remediation: t(
    '为每个容器设置 resources.requests.memory 与 resources.limits.memory，或在命名空间中创建带 default/defaultRequest 的 LimitRange。',
    'Set resources.requests.memory and resources.limits.memory on every container, or create a LimitRange with default and defaultRequest in the namespace.',
  ),
  breach: t('缺少内存请求或限制', 'lack a memory request or limit'),
  resources: ['memory'],
  examples: [
    {
      name: 'memory request and limit set, cpu not: cpu is another requirement',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [
              { resources: { requests: { memory: '128Mi' }, limits: { memory: '256Mi' } } },
            ]),
          ],
        }),
    },
    {
      name: 'only a cpu limit',
      expect: 'fail',
      facts: () => exampleFacts({ objects: [pod('web', 'shop', [{ resources: { limits: { cpu: '1' } } }])] }),
    },
    {
      name: 'template covered by a namespace LimitRange default',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('Deployment', 'api', 'shop', { containers: [{ name: 'api', image: 'r/a:1' }] }),
            kubeObject('LimitRange', 'defaults', 'shop', {
              spec: { limits: [{ type: 'Container', default: { memory: '256Mi' } }] },
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
