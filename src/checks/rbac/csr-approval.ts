// Check (RBAC): who can approve certificate signing requests (update certificatesigningrequests/approval).
import { t } from '../../model/text.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { defineWhoCanCheck, rbacExample } from '../lib/rbac-check.js';

const CERTS = 'certificates.k8s.io';

export default defineWhoCanCheck({
  id: 'rbac-csr-approval',
  title: t('尽量减少批准证书签名请求的权限', 'Access to approve certificate signing requests is minimised'),
  ability: t(
    '批准证书签名请求（certificatesigningrequests/approval）',
    'approve certificate signing requests (certificatesigningrequests/approval)',
  ),
  query: {
    key: 'csr-approval',
    permissions: [
      {
        verbs: ['update', 'patch'],
        group: CERTS,
        resource: 'certificatesigningrequests/approval',
        clusterScoped: true,
      },
    ],
  },
  remediation: t(
    '从用户与工作负载的角色中删除 certificatesigningrequests/approval 的 update 权限；能批准 CSR 的主体可以为任意身份签发客户端证书。',
    'Remove update on certificatesigningrequests/approval from user and workload roles; whoever approves CSRs can mint a client certificate for any identity.',
  ),
  examples: [
    {
      name: 'only the built-in CSR approver',
      expect: 'pass',
      facts: () =>
        rbacExample([
          roleObject(
            'system:controller:certificate-controller',
            undefined,
            [{ apiGroups: [CERTS], resources: ['certificatesigningrequests/approval'], verbs: ['update'] }],
            {
              labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
            },
          ),
          bindingObject(
            'system:controller:certificate-controller',
            undefined,
            'ClusterRole/system:controller:certificate-controller',
            [{ kind: 'ServiceAccount', name: 'certificate-controller', namespace: 'kube-system' }],
          ),
        ]),
    },
    {
      name: 'all service accounts of a namespace may approve',
      expect: 'fail',
      facts: () =>
        rbacExample([
          roleObject('approver', undefined, [
            { apiGroups: [CERTS], resources: ['*/approval'], verbs: ['update'] },
          ]),
          bindingObject('approver', undefined, 'ClusterRole/approver', [
            { kind: 'Group', name: 'system:serviceaccounts:ops' },
          ]),
        ]),
    },
    {
      name: 'a named operator may approve (needs review)',
      expect: 'manual',
      facts: () =>
        rbacExample([
          roleObject('csr-approver', undefined, [
            { apiGroups: [CERTS], resources: ['certificatesigningrequests/approval'], verbs: ['update'] },
          ]),
          bindingObject('csr-approver', undefined, 'ClusterRole/csr-approver', [
            { kind: 'ServiceAccount', name: 'kubelet-csr-approver', namespace: 'ops' },
          ]),
        ]),
    },
    { name: 'RBAC not collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
