// Check: default service accounts are not actively used: they mount no token, no workload runs with their token, no role is bound to them.
import type { Check, Offender } from '../../model/check.js';
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, kubeObject, pod, workloadObject } from '../lib/example-facts.js';
import { kubeEvidence, missingKinds, missingReason, objectsOf } from '../lib/index.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { isExcludedNamespace } from '../lib/namespaces.js';
import { grantOrigin, rbacIndex, subjectLabel } from '../lib/rbac.js';
import { offender, podSpecList, scope, tokenMount, WORKLOAD_KINDS } from '../lib/workloads.js';

const check: Check = {
  id: 'workload-default-service-account',
  title: t('不主动使用 default 服务账户', 'Default service accounts are not actively used'),
  component: 'workloads',
  needs: [
    'kubernetes:Pod',
    'kubernetes:ServiceAccount',
    'kubernetes:RoleBinding',
    'kubernetes:ClusterRoleBinding',
  ],
  remediation: t(
    '在每个命名空间的 default 服务账户上设置 automountServiceAccountToken: false，不给它绑定任何角色；需要访问 API 的工作负载使用专用服务账户。',
    'Set automountServiceAccountToken: false on the default service account of every namespace and bind no role to it; workloads that need the API get a dedicated service account.',
  ),
  run({ facts, params }) {
    const workloadKinds = WORKLOAD_KINDS.filter((k) => facts.kubernetes.collectedKinds.has(k));
    const missing = missingKinds(facts, ['ServiceAccount', 'RoleBinding', 'ClusterRoleBinding']);
    if (workloadKinds.length === 0 && missing.length === 3)
      return manual(missingReason(['Pod', 'ServiceAccount', 'RoleBinding', 'ClusterRoleBinding']));
    const offenders: Offender[] = [];
    let excluded = 0;

    let defaultAccounts = 0;
    for (const sa of objectsOf(facts, 'ServiceAccount')) {
      if (sa.metadata.name !== 'default') continue;
      if (isExcludedNamespace(facts, params, sa.metadata.namespace ?? '')) {
        excluded++;
        continue;
      }
      defaultAccounts++;
      if (sa.automountServiceAccountToken !== false)
        offenders.push(
          offender(
            sa,
            'automountServiceAccountToken',
            typeof sa.automountServiceAccountToken === 'boolean' ? sa.automountServiceAccountToken : null,
          ),
        );
    }

    const scoped = scope(podSpecList(facts), params);
    excluded += scoped.excluded;
    let usingDefault = 0;
    for (const ref of scoped.items) {
      const mount = tokenMount(facts, ref);
      if (mount.serviceAccount !== 'default') continue;
      usingDefault++;
      if (mount.mounted === true)
        offenders.push(
          offender(ref.object, 'spec.serviceAccountName', `default (token mounted: ${mount.via})`),
        );
    }

    for (const binding of rbacIndex(facts).bindings) {
      for (const subject of binding.subjects) {
        if (
          subject.kind !== 'ServiceAccount' ||
          subject.name !== 'default' ||
          grantOrigin(binding, subject, params) !== 'user'
        )
          continue;
        offenders.push({
          kind: binding.kind,
          ...(binding.namespace ? { namespace: binding.namespace } : {}),
          name: binding.name,
          field: `binds ${binding.roleRef.kind} ${binding.roleRef.name}`,
          value: subjectLabel(subject),
        });
      }
    }

    const excludedNote =
      excluded > 0 ? `; ${excluded} object(s) in system or empty reserved namespaces excluded` : '';
    const evidence = [
      kubeEvidence(
        facts,
        'ServiceAccount',
        'kubernetes:serviceaccounts[default] .automountServiceAccountToken, pods .spec.serviceAccountName, role bindings to default',
        `${offenders.length} finding(s); ${defaultAccounts} default service accounts; ${usingDefault} pod specs run as default${excludedNote}`,
        'default service accounts do not automount, are not used with a token and have no role bindings',
      ),
    ];
    if (offenders.length > 0) {
      return fail(
        t(
          `default 服务账户仍在使用：${offenders.length} 处（自动挂载令牌、以其令牌运行的工作负载或角色绑定）`,
          `Default service accounts are in use: ${offenders.length} finding(s) (token automount, workloads running with their token, or role bindings)`,
        ),
        evidence,
        offenders,
      );
    }
    if (missing.length > 0 || workloadKinds.length === 0)
      return manual(missingReason(workloadKinds.length === 0 ? ['Pod', ...missing] : missing), evidence);
    return pass(
      t(
        'default 服务账户不挂载令牌、未被工作负载以令牌方式使用，也没有角色绑定',
        'Default service accounts mount no token, no workload uses their token, and no role is bound to them',
      ),
      evidence,
    );
  },
  examples: [
    {
      name: 'default SA disables automount; pods use it without a token',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          kinds: ['RoleBinding', 'ClusterRoleBinding'],
          objects: [
            kubeObject('ServiceAccount', 'default', 'shop', { automountServiceAccountToken: false }),
            pod('static-site', 'shop', [{}]),
          ],
        }),
    },
    {
      name: 'default SA automounts (unset)',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['RoleBinding', 'ClusterRoleBinding', 'Pod'],
          objects: [kubeObject('ServiceAccount', 'default', 'shop')],
        }),
    },
    {
      name: 'a Deployment overrides the SA and mounts the default token',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['RoleBinding', 'ClusterRoleBinding', 'Pod'],
          objects: [
            kubeObject('ServiceAccount', 'default', 'shop', { automountServiceAccountToken: false }),
            workloadObject('Deployment', 'api', 'shop', {
              automountServiceAccountToken: true,
              containers: [{ name: 'a', image: 'r/a:1' }],
            }),
          ],
        }),
    },
    {
      name: 'a role bound to a default service account',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['ClusterRoleBinding', 'Pod'],
          objects: [
            kubeObject('ServiceAccount', 'default', 'shop', { automountServiceAccountToken: false }),
            bindingObject('edit-default', 'shop', 'ClusterRole/edit', [
              { kind: 'ServiceAccount', name: 'default', namespace: 'shop' },
            ]),
          ],
        }),
    },
    {
      name: 'provider namespace default SA is excluded',
      expect: 'pass',
      params: { systemNamespaces: ['kube-system'] },
      facts: () =>
        exampleFacts({
          kinds: ['RoleBinding', 'ClusterRoleBinding', 'Pod'],
          objects: [kubeObject('ServiceAccount', 'default', 'kube-system')],
        }),
    },
    { name: 'nothing collected', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
