// Check: no Service outside the provider's namespaces is of type NodePort.
import type { Check, Offender } from '../../model/check.js';
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject } from '../lib/example-facts.js';
import { isCollected, kubeEvidence, missingReason, objectsOf, shortList } from '../lib/index.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { isObject, objectField } from '../lib/workloads.js';

const service = (
  name: string,
  ns: string,
  type: string,
  ports: { port: number; nodePort?: number }[] = [{ port: 80 }],
) => kubeObject('Service', name, ns, { spec: { type, ports } });

const check: Check = {
  id: 'service-nodeport',
  title: t('不使用 NodePort 类型的 Service', 'No NodePort Services are used'),
  component: 'services',
  needs: ['kubernetes:Service'],
  remediation: t(
    '把 NodePort Service 改为 ClusterIP，并通过 Ingress、网关或内部负载均衡器对外暴露；NodePort 会在每个节点上开放端口。',
    'Change NodePort Services to ClusterIP and expose them through an Ingress, a gateway or an internal load balancer; a NodePort opens the port on every node.',
  ),
  run({ facts, params }) {
    if (!isCollected(facts, 'Service')) return manual(missingReason(['Service']));
    const system = new Set(params.systemNamespaces);
    const offenders: Offender[] = [];
    let examined = 0;
    let excluded = 0;
    for (const svc of objectsOf(facts, 'Service')) {
      if (system.has(svc.metadata.namespace ?? '')) {
        excluded++;
        continue;
      }
      examined++;
      if (objectField(svc, ['spec', 'type']) !== 'NodePort') continue;
      const ports = objectField(svc, ['spec', 'ports']);
      const nodePorts = (Array.isArray(ports) ? ports.filter(isObject) : [])
        .map((p) => p.nodePort)
        .filter((p) => typeof p === 'number');
      offenders.push({
        kind: 'Service',
        ...(svc.metadata.namespace ? { namespace: svc.metadata.namespace } : {}),
        name: svc.metadata.name,
        field: 'spec.type',
        value: nodePorts.length > 0 ? `NodePort ${nodePorts.join(', ')}` : 'NodePort',
      });
    }
    const excludedNote =
      excluded > 0
        ? `; ${excluded} in system namespaces (${shortList(params.systemNamespaces)}) excluded`
        : '';
    const evidence = [
      kubeEvidence(
        facts,
        'Service',
        'kubernetes:services .spec.type',
        `${offenders.length} NodePort of ${examined} Services${excludedNote}`,
        'no NodePort Services',
      ),
    ];
    return offenders.length === 0
      ? pass(
          t(
            `已检查 ${examined} 个 Service，没有 NodePort 类型`,
            `None of ${examined} Services is a NodePort`,
          ),
          evidence,
        )
      : fail(
          t(
            `${offenders.length} 个 Service 为 NodePort 类型`,
            `${offenders.length} Service(s) are NodePorts`,
          ),
          evidence,
          offenders,
        );
  },
  examples: [
    {
      name: 'ClusterIP and LoadBalancer only',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [service('api', 'shop', 'ClusterIP'), service('web', 'shop', 'LoadBalancer')],
        }),
    },
    {
      name: 'a NodePort Service',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [service('debug', 'shop', 'NodePort', [{ port: 80, nodePort: 30080 }])] }),
    },
    {
      name: 'NodePort in a provider namespace is excluded',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () => exampleFacts({ objects: [service('addon', 'kube-system', 'NodePort')] }),
    },
    { name: 'Services not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
