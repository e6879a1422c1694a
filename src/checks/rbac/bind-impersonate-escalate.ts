// Check (RBAC): who holds bind or escalate on roles, or impersonate on users, groups or service accounts.
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { defineWhoCanCheck, rbacExample } from '../lib/rbac-check.js';

const RBAC = 'rbac.authorization.k8s.io';

export default defineWhoCanCheck({
  id: 'rbac-bind-impersonate-escalate',
  title: t(
    '限制 bind、impersonate 与 escalate 权限',
    'The bind, impersonate and escalate permissions are limited',
  ),
  ability: t('使用 bind、escalate 或 impersonate', 'use bind, escalate or impersonate'),
  query: {
    key: 'bind-impersonate-escalate',
    permissions: [
      { verbs: ['bind', 'escalate'], group: RBAC, resource: 'roles', clusterScoped: false },
      { verbs: ['bind', 'escalate'], group: RBAC, resource: 'clusterroles', clusterScoped: true },
      { verbs: ['impersonate'], group: '', resource: 'users', clusterScoped: true },
      { verbs: ['impersonate'], group: '', resource: 'groups', clusterScoped: true },
      { verbs: ['impersonate'], group: '', resource: 'serviceaccounts', clusterScoped: false },
      { verbs: ['impersonate'], group: 'authentication.k8s.io', resource: 'uids', clusterScoped: true },
      {
        verbs: ['impersonate'],
        group: 'authentication.k8s.io',
        resource: 'userextras/scopes',
        clusterScoped: true,
      },
    ],
  },
  remediation: t(
    '从角色中删除 bind、escalate 与 impersonate 动词（包括通配符 *）；这些权限允许主体绕过 RBAC 获得自己没有的权限，只应保留给群集管理员。',
    'Remove the bind, escalate and impersonate verbs (and * wildcards) from roles; they let a subject gain permissions it does not hold, and belong only to cluster administrators.',
  ),
  examples: [
    {
      name: 'nobody outside Kubernetes defaults',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject('viewer', undefined, [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]),
          bindingObject('viewer', undefined, 'ClusterRole/viewer', [{ kind: 'Group', name: 'devs' }]),
        ]),
    },
    {
      name: 'all service accounts may impersonate users',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('impersonator', undefined, [
            { apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] },
          ]),
          bindingObject('impersonator', undefined, 'ClusterRole/impersonator', [
            { kind: 'Group', name: 'system:serviceaccounts' },
          ]),
        ]),
    },
    {
      name: 'impersonating users through a RoleBinding grants nothing (users are cluster-scoped)',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject('impersonator', undefined, [
            { apiGroups: [''], resources: ['users'], verbs: ['impersonate'] },
          ]),
          bindingObject('impersonator', 'shop', 'ClusterRole/impersonator', [
            { kind: 'ServiceAccount', name: 'default', namespace: 'shop' },
          ]),
        ]),
    },
    {
      name: 'a platform group may bind ClusterRoles (needs review)',
      expect: 'manual',
      facts: () =>
        rbacExample([
          roleObject('role-granter', undefined, [
            { apiGroups: [RBAC], resources: ['clusterroles'], verbs: ['bind'], resourceNames: ['view'] },
          ]),
          bindingObject('role-granter', undefined, 'ClusterRole/role-granter', [
            { kind: 'Group', name: 'platform' },
          ]),
        ]),
    },
    { name: 'RBAC not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
