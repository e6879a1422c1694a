// Check: every container has CPU and memory requests and limits, counting what a namespace LimitRange fills in for templates.
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { defineResourceCheck } from '../lib/resource-check.js';

export default defineResourceCheck({
  id: 'workload-resource-limits',
  title: t('容器设置了 CPU 与内存的请求和限制', 'Containers set CPU and memory requests and limits'),
  remediation: t(
    '为每个容器设置 resources.requests 与 resources.limits（cpu、memory），或在命名空间中创建带 default/defaultRequest 的 LimitRange。',
    'Set resources.requests and resources.limits (cpu, memory) on every container, or create a LimitRange with default and defaultRequest in the namespace.',
  ),
  breach: t('缺少 CPU 或内存的请求或限制', 'lack a CPU or memory request or limit'),
  resources: ['cpu', 'memory'],
  examples: [
    {
      name: 'requests and limits set',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [
              {
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { cpu: '1', memory: '256Mi' },
                },
              },
            ]),
          ],
        }),
    },
    {
      name: 'requests only',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [pod('web', 'shop', [{ resources: { requests: { cpu: '100m', memory: '128Mi' } } }])],
        }),
    },
    {
      name: 'template without resources, covered by a namespace LimitRange',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('Deployment', 'api', 'shop', { containers: [{ name: 'api', image: 'r/a:1' }] }),
            kubeObject('LimitRange', 'defaults', 'shop', {
              spec: {
                limits: [
                  {
                    type: 'Container',
                    default: { cpu: '500m', memory: '256Mi' },
                    defaultRequest: { cpu: '100m', memory: '128Mi' },
                  },
                ],
              },
            }),
          ],
        }),
    },
    {
      name: 'LimitRange in another namespace does not count',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('Deployment', 'api', 'shop', { containers: [{ name: 'api', image: 'r/a:1' }] }),
            kubeObject('LimitRange', 'defaults', 'other', {
              spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' } }] },
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
