// Check: no container outside the provider's namespaces binds a hostPort.
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { isObject } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-host-ports',
  title: t('容器不使用 hostPort', 'Containers do not use hostPort'),
  remediation: t(
    '删除容器端口上的 hostPort，改用 Service（ClusterIP 或 LoadBalancer）暴露；hostPort 会绕过网络策略并在每个节点上占用端口。',
    'Remove hostPort from container ports and expose them through a Service (ClusterIP or LoadBalancer); a hostPort bypasses network policy and takes the port on every node.',
  ),
  breach: t('绑定了主机端口（hostPort）', 'bind host ports (hostPort)'),
  path: 'containers[].ports[].hostPort',
  expected: 'unset or 0',
  inspect(ref): Finding[] {
    const ports = Array.isArray(ref.container.ports) ? ref.container.ports.filter(isObject) : [];
    return ports
      .filter((p) => typeof p.hostPort === 'number' && p.hostPort > 0)
      .map((p) => ({
        field: `${ref.list}[${ref.containerName}].ports[${String(p.name ?? p.containerPort ?? '')}].hostPort`,
        value: p.hostPort ?? null,
      }));
  },
  examples: [
    {
      name: 'container port only',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('api', 'shop', [{ ports: [{ containerPort: 8080 }] }])] }),
    },
    {
      name: 'hostPort 9100',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('exporter', 'monitoring', [
              { ports: [{ name: 'metrics', containerPort: 9100, hostPort: 9100 }] },
            ]),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
