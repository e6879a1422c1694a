// Check: every container has a cpu request and limit (Q/KXY 5.7.5.1), counting what a namespace LimitRange fills in for templates.
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { defineResourceCheck } from '../lib/resource-check.js';

export default defineResourceCheck({
  id: 'workload-cpu-requests-limits',
  title: t('容器设置了CPU请求和限制', 'Containers set cpu requests and limits'),
  remediation: t(
    '为每个容器设置 resources.requests.cpu 与 resources.limits.cpu，或在命名空间中创建带 default/defaultRequest 的 LimitRange。',
    'Set resources.requests.cpu and resources.limits.cpu on every container, or create a LimitRange with default and defaultRequest in the namespace.',
  ),
  breach: t('缺少CPU请求或限制', 'lack a cpu request or limit'),
  resources: ['cpu'],
  examples: [
    {
      name: 'cpu request and limit set, memory not: memory is another requirement',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [pod('api', 'shop', [{ resources: { requests: { cpu: '100m' }, limits: { cpu: '1' } } }])],
        }),
    },
    {
      name: 'only a memory limit',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [pod('web', 'shop', [{ resources: { limits: { memory: '256Mi' } } }])] }),
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
              spec: { limits: [{ type: 'Container', default: { cpu: '1' } }] },
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
