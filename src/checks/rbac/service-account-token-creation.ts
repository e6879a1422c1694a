// Check (RBAC): who can mint service account tokens (create serviceaccounts/token).
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { defineWhoCanCheck, rbacExample } from '../lib/rbac-check.js';

export default defineWhoCanCheck({
  id: 'rbac-service-account-token-creation',
  title: t('尽量减少创建服务账户令牌的权限', 'Access to create service account tokens is minimised'),
  ability: t(
    '创建服务账户令牌（serviceaccounts/token）',
    'create service account tokens (serviceaccounts/token)',
  ),
  query: {
    key: 'service-account-token-creation',
    permissions: [{ verbs: ['create'], group: '', resource: 'serviceaccounts/token', clusterScoped: false }],
  },
  remediation: t(
    '从角色中删除 serviceaccounts/token 的 create 权限；能为服务账户签发令牌的主体即拥有该服务账户的全部权限。',
    'Remove create on serviceaccounts/token from roles; whoever can mint a token for a service account holds every permission of that account.',
  ),
  examples: [
    {
      name: 'only the kubelet (built-in)',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject(
            'system:node',
            undefined,
            [{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] }],
            { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
          ),
          bindingObject('system:node', undefined, 'ClusterRole/system:node', [], {
            'kubernetes.io/bootstrapping': 'rbac-defaults',
          }),
        ]),
    },
    {
      name: 'default service account may mint tokens through */token',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('tokens', 'shop', [{ apiGroups: [''], resources: ['*/token'], verbs: ['create'] }]),
          bindingObject('tokens', 'shop', 'Role/tokens', [
            { kind: 'ServiceAccount', name: 'default', namespace: 'shop' },
          ]),
        ]),
    },
    {
      name: 'a CI identity may mint tokens (needs review)',
      expect: 'manual',
      facts: () =>
        rbacExample([
          roleObject('token-minter', 'ci', [
            { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
          ]),
          bindingObject('token-minter', 'ci', 'Role/token-minter', [
            { kind: 'User', name: 'ci@example.com' },
          ]),
        ]),
    },
    { name: 'RBAC not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
