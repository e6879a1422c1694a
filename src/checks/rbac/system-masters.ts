// Check (RBAC): nothing but Kubernetes' own cluster-admin binding names the system:masters group, and no user holds a system:masters certificate where that can be seen.
import type { Check, Offender } from '../../model/check.js';
import { t } from '../../model/text.js';
import { armEvidence } from '../lib/azure.js';
import { bindingObject, exampleFacts } from '../lib/example-facts.js';
import { kubeEvidence, missingReason } from '../lib/index.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { grantOrigin, rbacIndex, subjectLabel } from '../lib/rbac.js';

const MASTERS = 'system:masters';

const check: Check = {
  id: 'rbac-system-masters',
  title: t('避免使用 system:masters 组', 'The system:masters group is not used'),
  component: 'rbac',
  needs: ['kubernetes:RoleBinding', 'kubernetes:ClusterRoleBinding'],
  remediation: t(
    '删除指向 system:masters 组的额外绑定，改用普通组绑定所需角色；不要签发 O=system:masters 的客户端证书（该组绕过 RBAC 且无法撤销）。AKS 上禁用本地账户可停止签发此类证书。',
    'Delete extra bindings to the system:masters group and bind ordinary groups to the roles they need; issue no client certificate with O=system:masters (the group bypasses RBAC and cannot be revoked). On AKS, disabling local accounts stops such certificates being issued.',
  ),
  run({ facts, params }) {
    const collected = ['RoleBinding', 'ClusterRoleBinding'].filter((k) =>
      facts.kubernetes.collectedKinds.has(k),
    );
    const offenders: Offender[] = [];
    let builtIn = 0;
    for (const binding of rbacIndex(facts).bindings) {
      for (const subject of binding.subjects) {
        if (subject.kind !== 'Group' || subject.name !== MASTERS) continue;
        if (grantOrigin(binding, subject, params) === 'built-in') {
          builtIn++;
          continue;
        }
        offenders.push({
          kind: binding.kind,
          ...(binding.namespace ? { namespace: binding.namespace } : {}),
          name: binding.name,
          field: `binds ${binding.roleRef.kind} ${binding.roleRef.name}`,
          value: subjectLabel(subject),
        });
      }
    }
    const evidence = [
      kubeEvidence(
        facts,
        'ClusterRoleBinding',
        'kubernetes:rolebindings+clusterrolebindings .subjects[Group system:masters]',
        `${offenders.length} extra binding subject(s) naming system:masters; ${builtIn} built-in`,
        'only the built-in cluster-admin binding',
      ),
    ];
    if (offenders.length > 0) {
      return fail(
        t(
          `${offenders.length} 处额外绑定指向 system:masters 组`,
          `${offenders.length} extra binding subject(s) name the system:masters group`,
        ),
        evidence,
        offenders,
      );
    }
    if (collected.length < 2)
      return manual(
        missingReason(['RoleBinding', 'ClusterRoleBinding'].filter((k) => !collected.includes(k))),
        evidence,
      );
    // Membership of system:masters comes from client certificates, which the API does not list.
    if (facts.azure.managedCluster) {
      const local = armEvidence(facts, 'disableLocalAccounts', 'true');
      evidence.push(local);
      return local.observed === true
        ? pass(
            t(
              '没有额外绑定指向 system:masters，且 AKS 已禁用本地账户（不再签发 system:masters 证书）',
              'No extra binding names system:masters, and AKS local accounts are disabled (no system:masters certificate is issued)',
            ),
            evidence,
          )
        : fail(
            t(
              'AKS 本地账户未禁用：管理员凭据（--admin）是 system:masters 组的客户端证书',
              'AKS local accounts are enabled: the admin credential (--admin) is a client certificate in the system:masters group',
            ),
            evidence,
          );
    }
    return manual(
      t(
        '没有额外绑定指向 system:masters；但该组成员来自客户端证书，无法从 API 观察，请人工确认只有应急凭据（如 kubeadm 的 super-admin.conf）属于该组',
        'No extra binding names system:masters; membership comes from client certificates, which the API cannot show, so a person must confirm only break-glass credentials (such as kubeadm super-admin.conf) hold it',
      ),
      evidence,
    );
  },
  examples: [
    {
      name: 'only the built-in binding, AKS local accounts disabled',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          kinds: ['RoleBinding'],
          managedCluster: { name: 'c', kubernetesVersion: '1.30.6', disableLocalAccounts: true },
          objects: [
            bindingObject(
              'cluster-admin',
              undefined,
              'ClusterRole/cluster-admin',
              [{ kind: 'Group', name: MASTERS }],
              { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
            ),
          ],
        }),
    },
    {
      name: 'a second binding names system:masters',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['RoleBinding'],
          objects: [
            bindingObject('ops-admins', undefined, 'ClusterRole/admin', [{ kind: 'Group', name: MASTERS }]),
          ],
        }),
    },
    {
      name: 'AKS local accounts enabled',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['RoleBinding', 'ClusterRoleBinding'],
          managedCluster: { name: 'c', kubernetesVersion: '1.30.6', disableLocalAccounts: false },
        }),
    },
    {
      name: 'self-managed: certificates cannot be seen',
      expect: 'manual',
      facts: () => exampleFacts({ kinds: ['RoleBinding', 'ClusterRoleBinding'] }),
    },
    { name: 'bindings not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
