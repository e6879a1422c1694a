// Factory for the three host-namespace checks (hostPID, hostIPC, hostNetwork): same rule, same examples, other field.
import type { Check } from '../../model/check.js';
import type { Text } from '../../model/text.js';
import { exampleFacts, kubeObject, pod, workloadObject } from './example-facts.js';
import { definePodCheck } from './workload-check.js';

export interface HostNamespaceCheckSpec {
  id: string;
  field: 'hostPID' | 'hostIPC' | 'hostNetwork';
  title: Text;
  remediation: Text;
  /** What an offending pod does, completing "N pod specs …". */
  breach: Text;
}

export function defineHostNamespaceCheck({
  id,
  field,
  title,
  remediation,
  breach,
}: HostNamespaceCheckSpec): Check {
  const path = `spec.${field}`;
  return definePodCheck({
    id,
    title,
    remediation,
    breach,
    path,
    expected: `${path} unset or false`,
    inspect: ({ spec }) => (spec[field] === true ? [{ field: path, value: true }] : []),
    examples: [
      {
        name: `pod without ${field}`,
        expect: 'pass',
        facts: () => exampleFacts({ objects: [pod('web', 'shop', [{}], { [field]: false })] }),
      },
      {
        name: `pod with ${field}`,
        expect: 'fail',
        facts: () => exampleFacts({ objects: [pod('debug', 'ops', [{}], { [field]: true })] }),
      },
      {
        name: `Deployment template with ${field}; its pod is skipped in favour of the template`,
        expect: 'fail',
        facts: () => {
          const replica = pod('agent-5d8f-x2', 'ops', [{}], { [field]: true });
          replica.metadata.ownerReferences = [{ kind: 'ReplicaSet', name: 'agent-5d8f', controller: true }];
          return exampleFacts({
            objects: [
              replica,
              workloadObject('Deployment', 'agent', 'ops', {
                [field]: true,
                containers: [{ name: 'a', image: 'r/a:1' }],
              }),
            ],
          });
        },
      },
      {
        name: `${field} in a provider namespace is excluded`,
        expect: 'pass',
        params: { systemNamespaces: ['kube-system'] },
        facts: () =>
          exampleFacts({
            kinds: ['Pod'],
            objects: [
              kubeObject('DaemonSet', 'node-agent', 'kube-system', {
                spec: { template: { spec: { [field]: true, containers: [{ name: 'a' }] } } },
              }),
            ],
          }),
      },
      { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
    ],
  });
}
