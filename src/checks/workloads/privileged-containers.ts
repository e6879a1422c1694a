// Check: no container outside the provider's namespaces runs privileged (securityContext.privileged).
import type { Check, Offender } from '../../model/check.js';
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, pod } from '../lib/example-facts.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { containers, dig, isSystemNamespace, offender } from '../lib/workloads.js';

const check: Check = {
  id: 'workload-privileged-containers',
  title: t('不运行特权容器', 'No privileged containers are admitted'),
  component: 'workloads',
  needs: ['kubernetes:Pod'],
  remediation: t(
    '去掉容器的 securityContext.privileged: true；在命名空间上设置 Pod 安全准入标签 pod-security.kubernetes.io/enforce=baseline（或 restricted）以拒绝特权容器。',
    'Remove securityContext.privileged: true from the containers, and label namespaces pod-security.kubernetes.io/enforce=baseline (or restricted) so privileged containers are refused.',
  ),
  run({ facts, params }) {
    if (!facts.kubernetes.collectedKinds.has('Pod')) return manual(t('快照中没有 Pod 列表', 'The snapshot holds no Pod list'));
    const offenders: Offender[] = [];
    let examined = 0;
    for (const ref of containers(facts)) {
      if (isSystemNamespace(ref.object, params.systemNamespaces)) continue;
      examined++;
      if (dig(ref.container, ['securityContext', 'privileged']) === true) {
        offenders.push(offender(ref.object, `${ref.list}[${ref.containerName}].securityContext.privileged`, true, ref.containerName));
      }
    }
    const origin = facts.origins.get('kubernetes:Pod');
    const evidence = [
      {
        source: origin?.source ?? ('kubernetes-api' as const),
        path: 'kubernetes:pods and pod templates .securityContext.privileged',
        observed: `${offenders.length} privileged of ${examined} containers`,
        expected: '0 privileged containers',
        time: origin?.time ?? facts.collectedAt,
        file: origin?.file,
      },
    ];
    return offenders.length === 0
      ? pass(t(`已检查 ${examined} 个容器，均非特权`, `${examined} containers examined, none privileged`), evidence)
      : fail(t(`${offenders.length} 个容器以特权模式运行`, `${offenders.length} container(s) run privileged`), evidence, offenders);
  },
  examples: [
    { name: 'unprivileged pod', expect: 'pass', facts: () => exampleFacts({ objects: [pod('web', 'shop', [{ securityContext: { privileged: false } }])] }) },
    { name: 'privileged pod', expect: 'fail', facts: () => exampleFacts({ objects: [pod('agent', 'ops', [{ securityContext: { privileged: true } }])] }) },
    {
      name: 'privileged DaemonSet template',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [kubeObject('DaemonSet', 'agent', 'ops', { spec: { template: { spec: { containers: [{ name: 'a', securityContext: { privileged: true } }] } } } })],
        }),
    },
    {
      name: 'privileged in a system namespace the provider owns',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () => exampleFacts({ objects: [pod('kube-proxy', 'kube-system', [{ securityContext: { privileged: true } }])] }),
    },
    { name: 'no pod list', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
