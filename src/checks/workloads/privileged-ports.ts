// Check: containers listen on unprivileged ports (containerPort 1024 or above).
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { isObject } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-privileged-ports',
  title: t('容器不使用特权端口（小于 1024）', 'Containers do not use privileged ports (below 1024)'),
  remediation: t(
    '让应用监听 1024 及以上的端口（例如 8080），由 Service 的 port 映射到对外的 80/443；这样容器无需 root 或 NET_BIND_SERVICE。',
    'Have the application listen on a port of 1024 or above (e.g. 8080) and map 80/443 in the Service port, so the container needs neither root nor NET_BIND_SERVICE.',
  ),
  breach: t('声明了小于 1024 的容器端口', 'declare container ports below 1024'),
  path: 'containers[].ports[].containerPort',
  expected: '>= 1024',
  inspect(ref): Finding[] {
    const ports = Array.isArray(ref.container.ports) ? ref.container.ports.filter(isObject) : [];
    return ports
      .filter((p) => typeof p.containerPort === 'number' && p.containerPort > 0 && p.containerPort < 1024)
      .map((p) => ({
        field: `${ref.list}[${ref.containerName}].ports[${String(p.name ?? p.containerPort ?? '')}].containerPort`,
        value: p.containerPort ?? null,
      }));
  },
  examples: [
    {
      name: 'port 8080',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('api', 'shop', [{ ports: [{ containerPort: 8080 }] }])] }),
    },
    {
      name: 'port 80',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [pod('web', 'shop', [{ ports: [{ name: 'http', containerPort: 80 }] }])] }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
