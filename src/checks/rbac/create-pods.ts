// Check (RBAC): who can create pods or the workloads that create them (Deployments, DaemonSets, Jobs, …).
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { defineWhoCanCheck, rbacExample } from '../lib/rbac-check.js';
import type { Permission } from '../lib/rbac.js';

const create = (group: string, resource: string): Permission => ({
  verbs: ['create'],
  group,
  resource,
  clusterScoped: false,
});

export default defineWhoCanCheck({
  id: 'rbac-create-pods',
  title: t('尽量减少创建 Pod 的权限', 'Access to create pods is minimised'),
  ability: t('创建 Pod 或工作负载', 'create pods or workloads'),
  query: {
    key: 'create-pods',
    permissions: [
      create('', 'pods'),
      create('apps', 'deployments'),
      create('apps', 'replicasets'),
      create('apps', 'statefulsets'),
      create('apps', 'daemonsets'),
      create('batch', 'jobs'),
      create('batch', 'cronjobs'),
    ],
  },
  remediation: t(
    '只允许部署流水线和确需的控制器创建 Pod 或工作负载；从其他角色中删除 pods 及 deployments、daemonsets、jobs 等资源的 create 权限。',
    'Let only the deployment pipeline and the controllers that need it create pods or workloads; remove create on pods, deployments, daemonsets, jobs and the like from other roles.',
  ),
  examples: [
    {
      name: 'only built-in controllers create pods',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject(
            'system:controller:replicaset-controller',
            undefined,
            [{ apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete', 'list', 'patch', 'watch'] }],
            {
              labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
            },
          ),
          bindingObject(
            'system:controller:replicaset-controller',
            undefined,
            'ClusterRole/system:controller:replicaset-controller',
            [{ kind: 'ServiceAccount', name: 'replicaset-controller', namespace: 'kube-system' }],
          ),
        ]),
    },
    {
      name: 'default service account may create Deployments through a wildcard verb',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('deployer', 'shop', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['*'] }]),
          bindingObject('deployer', 'shop', 'Role/deployer', [
            { kind: 'ServiceAccount', name: 'default', namespace: 'shop' },
          ]),
        ]),
    },
    {
      name: 'CI service account may create Jobs (needs review)',
      expect: 'manual',
      facts: () =>
        rbacExample([
          roleObject('ci', undefined, [{ apiGroups: ['batch'], resources: ['jobs'], verbs: ['create'] }]),
          bindingObject('ci', undefined, 'ClusterRole/ci', [
            { kind: 'ServiceAccount', name: 'ci-runner', namespace: 'ci' },
          ]),
        ]),
    },
    { name: 'RBAC not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
