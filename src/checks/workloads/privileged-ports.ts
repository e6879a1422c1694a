// Check: no host port below 1024 is mapped into a container (hostPort, or containerPort on the host network), as Q/KXY 5.7.2.6 asks.
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { isObject } from '../lib/workloads.js';

const privileged = (port: unknown): port is number => typeof port === 'number' && port > 0 && port < 1024;

export default defineContainerCheck({
  id: 'workload-privileged-ports',
  title: t(
    '主机上小于 1024 的特权端口未映射到容器内',
    'No privileged host port (below 1024) is mapped into a container',
  ),
  remediation: t(
    '不要用 hostPort 占用主机 1024 以下的端口，也不要让 hostNetwork 的容器监听这些端口；对外服务改用 Service（LoadBalancer/Ingress）映射 80/443。',
    'Do not take host ports below 1024 with hostPort, nor let host-network containers listen on them; publish 80/443 through a Service (LoadBalancer or Ingress) instead.',
  ),
  breach: t('把主机 1024 以下的端口映射到了容器', 'map a host port below 1024 into the container'),
  path: 'containers[].ports[].hostPort',
  expected: 'no hostPort < 1024 (and no containerPort < 1024 with hostNetwork)',
  inspect(ref): Finding[] {
    const ports = Array.isArray(ref.container.ports) ? ref.container.ports.filter(isObject) : [];
    // On the host network the container port is the host port (hostPort, if given, must equal it).
    const hostNetwork = ref.spec.hostNetwork === true;
    const findings: Finding[] = [];
    for (const p of ports) {
      const name = String(p.name ?? p.containerPort ?? '');
      const base = `${ref.list}[${ref.containerName}].ports[${name}]`;
      if (privileged(p.hostPort)) findings.push({ field: `${base}.hostPort`, value: p.hostPort });
      else if (hostNetwork && privileged(p.containerPort))
        findings.push({ field: `${base}.containerPort (hostNetwork)`, value: p.containerPort });
    }
    return findings;
  },
  examples: [
    {
      name: 'containerPort 80 without a hostPort: nothing on the host',
      expect: 'pass',
      facts: () =>
        exampleFacts({ objects: [pod('web', 'shop', [{ ports: [{ name: 'http', containerPort: 80 }] }])] }),
    },
    {
      name: 'hostPort 8080 to containerPort 80',
      expect: 'pass',
      facts: () =>
        exampleFacts({ objects: [pod('api', 'shop', [{ ports: [{ containerPort: 80, hostPort: 8080 }] }])] }),
    },
    {
      name: 'hostPort 80 to containerPort 8080',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [pod('edge', 'shop', [{ ports: [{ containerPort: 8080, hostPort: 80 }] }])],
        }),
    },
    {
      name: 'containerPort 443 on the host network',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [pod('lb', 'ingress', [{ ports: [{ containerPort: 443 }] }], { hostNetwork: true })],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
