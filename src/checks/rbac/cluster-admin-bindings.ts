// Check: the cluster-admin role is bound only to the built-in system:masters group.
import type { Check, Offender } from '../../model/check.js';
import type { JsonValue } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject } from '../lib/example-facts.js';
import { fail, manual, pass } from '../lib/outcome.js';

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

/** Subjects that Kubernetes itself binds to cluster-admin; they are expected, not findings. */
const BUILT_IN = new Set(['Group/system:masters']);

const check: Check = {
  id: 'rbac-cluster-admin-bindings',
  title: t('cluster-admin 角色仅在必要时使用', 'The cluster-admin role is only used where required'),
  component: 'rbac',
  needs: ['kubernetes:ClusterRoleBinding'],
  remediation: t(
    '审查绑定到 cluster-admin 的每个主体；改为绑定到权限更小的角色，然后删除多余的 ClusterRoleBinding：kubectl delete clusterrolebinding <名称>。',
    'Review every subject bound to cluster-admin; bind it to a narrower role instead, then delete the extra ClusterRoleBinding: kubectl delete clusterrolebinding <name>.',
  ),
  run({ facts }) {
    if (!facts.kubernetes.collectedKinds.has('ClusterRoleBinding')) {
      return manual(t('快照中没有 ClusterRoleBinding 列表', 'The snapshot holds no ClusterRoleBinding list'));
    }
    const offenders: Offender[] = [];
    const bindings = facts.kubernetes.objects.get('ClusterRoleBinding') ?? [];
    for (const binding of bindings) {
      const roleRef = binding.roleRef as { kind?: string; name?: string } | undefined;
      if (roleRef?.kind !== 'ClusterRole' || roleRef.name !== 'cluster-admin') continue;
      for (const subject of (binding.subjects as Subject[] | undefined) ?? []) {
        const key = `${subject.kind}/${subject.name}`;
        if (BUILT_IN.has(key)) continue;
        const who = subject.namespace
          ? `${subject.kind} ${subject.namespace}/${subject.name}`
          : `${subject.kind} ${subject.name}`;
        offenders.push({
          kind: 'ClusterRoleBinding',
          name: binding.metadata.name,
          field: 'subjects',
          value: who as JsonValue,
        });
      }
    }
    const origin = facts.origins.get('kubernetes:ClusterRoleBinding');
    const evidence = [
      {
        source: origin?.source ?? ('kubernetes-api' as const),
        path: 'kubernetes:clusterrolebindings[roleRef.name=cluster-admin].subjects',
        observed:
          offenders.length === 0
            ? 'Group system:masters only'
            : offenders
                .map((o) => `${o.name}: ${String(o.value)}`)
                .slice(0, 20)
                .join('; '),
        expected: 'only Group system:masters',
        time: origin?.time ?? facts.collectedAt,
        file: origin?.file,
      },
    ];
    return offenders.length === 0
      ? pass(
          t(
            'cluster-admin 仅绑定到内置的 system:masters 组',
            'cluster-admin is bound only to the built-in system:masters group',
          ),
          evidence,
        )
      : fail(
          t(
            `${offenders.length} 个主体被绑定到 cluster-admin`,
            `${offenders.length} subject(s) are bound to cluster-admin`,
          ),
          evidence,
          offenders,
        );
  },
  examples: [
    {
      name: 'only system:masters',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            kubeObject('ClusterRoleBinding', 'cluster-admin', undefined, {
              roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
              subjects: [{ kind: 'Group', name: 'system:masters' }],
            }),
          ],
        }),
    },
    {
      name: 'a user bound to cluster-admin',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            kubeObject('ClusterRoleBinding', 'dev-admin', undefined, {
              roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
              subjects: [{ kind: 'User', name: 'dev@example.com' }],
            }),
          ],
        }),
    },
    { name: 'no bindings collected', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
