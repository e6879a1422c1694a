// Check (RBAC): who can get, list or watch Secrets, through which role and binding.
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { defineWhoCanCheck, rbacExample } from '../lib/rbac-check.js';

export default defineWhoCanCheck({
  id: 'rbac-secret-access',
  title: t('尽量减少对 Secret 的访问', 'Access to Secrets is minimised'),
  ability: t('读取 Secret（get/list/watch）', 'read Secrets (get/list/watch)'),
  query: {
    key: 'secret-access',
    permissions: [{ verbs: ['get', 'list', 'watch'], group: '', resource: 'secrets', clusterScoped: false }],
  },
  remediation: t(
    '从角色中删除对 secrets 的 get、list、watch 权限，只保留确需读取 Secret 的服务账户，并用 resourceNames 限定到具体的 Secret。',
    'Remove get, list and watch on secrets from roles, keep them only for the service accounts that must read Secrets, and narrow them with resourceNames to the Secrets concerned.',
  ),
  examples: [
    {
      name: 'only a built-in controller reads Secrets',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject(
            'system:controller:token-cleaner',
            undefined,
            [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'delete'] }],
            { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
          ),
          bindingObject(
            'system:controller:token-cleaner',
            undefined,
            'ClusterRole/system:controller:token-cleaner',
            [{ kind: 'ServiceAccount', name: 'token-cleaner', namespace: 'kube-system' }],
            { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
          ),
        ]),
    },
    {
      name: 'every authenticated user can list Secrets',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('read-all', undefined, [
            { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['list'] },
          ]),
          bindingObject('read-all', undefined, 'ClusterRole/read-all', [
            { kind: 'Group', name: 'system:authenticated', apiGroup: 'rbac.authorization.k8s.io' },
          ]),
        ]),
    },
    {
      name: 'an aggregated role passes Secret access to its binding',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('support', undefined, [], {
            body: {
              aggregationRule: {
                clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-support': 'true' } }],
              },
            },
          }),
          roleObject(
            'support-secrets',
            undefined,
            [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
            { labels: { 'rbac.example.com/aggregate-to-support': 'true' } },
          ),
          bindingObject('support', 'shop', 'ClusterRole/support', [
            { kind: 'ServiceAccount', name: 'default', namespace: 'shop' },
          ]),
        ]),
    },
    {
      name: 'a named service account reads Secrets in its namespace (needs review)',
      expect: 'manual',
      facts: () =>
        rbacExample([
          roleObject('cert-reader', 'shop', [
            { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['tls'] },
          ]),
          bindingObject('cert-reader', 'shop', 'Role/cert-reader', [
            { kind: 'ServiceAccount', name: 'ingress', namespace: 'shop' },
          ]),
        ]),
    },
    { name: 'RBAC not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
