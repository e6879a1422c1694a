// Check (RBAC): who can create PersistentVolumes (a hostPath PV gives access to any node directory).
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { defineWhoCanCheck, rbacExample } from '../lib/rbac-check.js';

export default defineWhoCanCheck({
  id: 'rbac-create-persistent-volumes',
  title: t('尽量减少创建 PersistentVolume 的权限', 'Access to create PersistentVolumes is minimised'),
  ability: t('创建 PersistentVolume', 'create PersistentVolumes'),
  query: {
    key: 'create-persistent-volumes',
    permissions: [{ verbs: ['create'], group: '', resource: 'persistentvolumes', clusterScoped: true }],
  },
  remediation: t(
    '用户通过 PersistentVolumeClaim 与 StorageClass 动态供应存储，不直接创建 PersistentVolume；从用户角色中删除 persistentvolumes 的 create 权限。',
    'Have users provision storage through PersistentVolumeClaims and StorageClasses rather than creating PersistentVolumes; remove create on persistentvolumes from user roles.',
  ),
  examples: [
    {
      name: 'only the built-in persistent-volume binder',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject(
            'system:controller:persistent-volume-binder',
            undefined,
            [{ apiGroups: [''], resources: ['persistentvolumes'], verbs: ['create', 'delete', 'get'] }],
            { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
          ),
          bindingObject(
            'system:controller:persistent-volume-binder',
            undefined,
            'ClusterRole/system:controller:persistent-volume-binder',
            [{ kind: 'ServiceAccount', name: 'persistent-volume-binder', namespace: 'kube-system' }],
            { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
          ),
        ]),
    },
    {
      name: 'wildcard resources for all authenticated users',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('storage-admin', undefined, [{ apiGroups: ['*'], resources: ['*'], verbs: ['create'] }]),
          bindingObject('storage-admin', undefined, 'ClusterRole/storage-admin', [
            { kind: 'Group', name: 'system:authenticated' },
          ]),
        ]),
    },
    {
      name: 'a storage operator (needs review)',
      expect: 'manual',
      facts: () =>
        rbacExample([
          roleObject('nfs-provisioner', undefined, [
            { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['create', 'delete'] },
          ]),
          bindingObject('nfs-provisioner', undefined, 'ClusterRole/nfs-provisioner', [
            { kind: 'ServiceAccount', name: 'nfs', namespace: 'storage' },
          ]),
        ]),
    },
    { name: 'RBAC not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
