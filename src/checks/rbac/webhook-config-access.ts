// Check (RBAC): who can create, change or delete validating and mutating webhook configurations.
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { defineWhoCanCheck, rbacExample } from '../lib/rbac-check.js';
import type { Permission } from '../lib/rbac.js';

const ADMISSION = 'admissionregistration.k8s.io';
const VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const change = (resource: string): Permission => ({
  verbs: VERBS,
  group: ADMISSION,
  resource,
  clusterScoped: true,
});

export default defineWhoCanCheck({
  id: 'rbac-webhook-config-access',
  title: t(
    '尽量减少修改准入 Webhook 配置的权限',
    'Access to change admission webhook configurations is minimised',
  ),
  ability: t('修改准入 Webhook 配置', 'change admission webhook configurations'),
  query: {
    key: 'webhook-config-access',
    permissions: [change('validatingwebhookconfigurations'), change('mutatingwebhookconfigurations')],
  },
  remediation: t(
    '只允许平台管理员和安装 Webhook 的控制器修改 validatingwebhookconfigurations 与 mutatingwebhookconfigurations；能修改它们的主体可以关闭策略或拦截所有请求。',
    'Let only platform administrators and the controllers that install webhooks change validatingwebhookconfigurations and mutatingwebhookconfigurations; whoever can change them can switch off policy or intercept every request.',
  ),
  examples: [
    {
      name: 'nobody outside Kubernetes defaults',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject('webhook-viewer', undefined, [
            {
              apiGroups: [ADMISSION],
              resources: ['validatingwebhookconfigurations'],
              verbs: ['get', 'list'],
            },
          ]),
          bindingObject('webhook-viewer', undefined, 'ClusterRole/webhook-viewer', [
            { kind: 'Group', name: 'auditors' },
          ]),
        ]),
    },
    {
      name: 'anonymous may patch mutating webhooks',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('hooks', undefined, [
            { apiGroups: [ADMISSION], resources: ['mutatingwebhookconfigurations'], verbs: ['patch'] },
          ]),
          bindingObject('hooks', undefined, 'ClusterRole/hooks', [
            { kind: 'User', name: 'system:anonymous' },
          ]),
        ]),
    },
    {
      name: 'a policy engine manages its own webhooks (needs review)',
      expect: 'manual',
      facts: () =>
        rbacExample([
          roleObject('kyverno:webhook', undefined, [
            {
              apiGroups: [ADMISSION],
              resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
              verbs: ['create', 'update', 'delete'],
            },
          ]),
          bindingObject('kyverno:webhook', undefined, 'ClusterRole/kyverno:webhook', [
            { kind: 'ServiceAccount', name: 'kyverno-admission-controller', namespace: 'kyverno' },
          ]),
        ]),
    },
    { name: 'RBAC not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
