// Check: bootstrap tokens are not used as user credentials (off, or bound only to node-joining roles).
import type { Check, Evidence, Offender } from '../../model/check.js';
import type { JsonValue, KubeObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { componentArgs } from '../lib/components.js';
import { componentExample, exampleFacts, kubeObject } from '../lib/example-facts.js';
import { componentNeeds, noCommandLine } from '../lib/flag-check.js';
import { flagBool, hasFlag } from '../lib/flags.js';
import { fail, manual, pass } from '../lib/outcome.js';

/** Roles kubeadm binds to bootstrap token groups so that a node can join; anything else is a user grant. */
function isNodeJoinRole(name: string): boolean {
  return (
    name === 'system:node-bootstrapper' ||
    name === 'system:certificates.k8s.io:certificatesigningrequests:nodeclient' ||
    name === 'kubeadm:get-nodes' ||
    name === 'kubeadm:nodes-kubeadm-config' ||
    name.startsWith('kubeadm:kubelet-config') ||
    name === 'kube-proxy'
  );
}

/** Bindings that give a bootstrap token group (`system:bootstrappers[:…]`) a role beyond joining nodes. */
function userGrants(bindings: KubeObject[]): Offender[] {
  const found: Offender[] = [];
  for (const binding of bindings) {
    const roleRef = binding.roleRef as { name?: JsonValue } | undefined;
    const role = typeof roleRef?.name === 'string' ? roleRef.name : '';
    const subjects = Array.isArray(binding.subjects) ? binding.subjects : [];
    for (const subject of subjects) {
      if (!subject || typeof subject !== 'object' || Array.isArray(subject)) continue;
      const name = typeof subject.name === 'string' ? subject.name : '';
      if (
        subject.kind === 'Group' &&
        (name === 'system:bootstrappers' || name.startsWith('system:bootstrappers:')) &&
        !isNodeJoinRole(role)
      ) {
        found.push({
          kind: binding.kind,
          namespace: binding.metadata.namespace,
          name: binding.metadata.name,
          field: 'roleRef.name',
          value: role,
        });
      }
    }
  }
  return found;
}

const binding = (name: string, role: string, group: string) =>
  kubeObject('ClusterRoleBinding', name, undefined, {
    roleRef: { kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'Group', name: group }],
  });

const check: Check = {
  id: 'authn-user-bootstrap-tokens',
  title: t('不对用户使用引导令牌认证', 'Bootstrap token authentication is not used for users'),
  component: 'authentication',
  // Bindings are read only when bootstrap tokens are on; a gap there must not turn "off" into an error.
  needs: componentNeeds('kube-apiserver'),
  remediation: t(
    '引导令牌只用于节点加入：加入完成后删除令牌或关闭 --enable-bootstrap-token-auth，并删除把其他角色授予 system:bootstrappers 组的绑定。',
    'Use bootstrap tokens only for joining nodes: delete them (or turn off --enable-bootstrap-token-auth) once nodes have joined, and remove bindings that give system:bootstrappers groups any other role.',
  ),
  run({ facts }) {
    const found = componentArgs(facts, 'kube-apiserver');
    if (found.length === 0) return manual(noCommandLine('kube-apiserver'));
    const evidence: Evidence[] = found.map((args) => ({
      source: args.source,
      path: `${args.location} --enable-bootstrap-token-auth`,
      observed: hasFlag(args.flags, 'enable-bootstrap-token-auth')
        ? String(flagBool(args.flags, 'enable-bootstrap-token-auth', false))
        : 'not set (defaults to false)',
      expected: 'false, or tokens bound only to node-joining roles',
      time: args.time,
      file: args.file,
    }));
    if (found.every((args) => !flagBool(args.flags, 'enable-bootstrap-token-auth', false))) {
      return pass(
        t('API 服务器未启用引导令牌认证', 'The API server does not accept bootstrap tokens'),
        evidence,
      );
    }
    const bindings = [
      ...(facts.kubernetes.objects.get('ClusterRoleBinding') ?? []),
      ...(facts.kubernetes.objects.get('RoleBinding') ?? []),
    ];
    const grants = userGrants(bindings);
    if (grants.length > 0) {
      return fail(
        t(
          '引导令牌组被授予了节点加入之外的角色，令牌可被当作用户凭据使用',
          'Bootstrap token groups hold roles beyond joining nodes, so the tokens work as user credentials',
        ),
        evidence,
        grants,
      );
    }
    if (!facts.kubernetes.collectedKinds.has('ClusterRoleBinding')) {
      return manual(
        t(
          '已启用引导令牌认证，但快照中没有 ClusterRoleBinding，无法检查引导令牌组的授权',
          'Bootstrap token authentication is on, but no ClusterRoleBindings were collected to check what the token groups may do',
        ),
        evidence,
      );
    }
    return manual(
      t(
        '已启用引导令牌认证，且未发现越权绑定；请核查 kube-system 中 bootstrap.kubernetes.io/token 类型的 Secret 是否仅为节点加入而建且已过期。',
        'Bootstrap token authentication is on and no extra bindings were found; check that the bootstrap.kubernetes.io/token Secrets in kube-system exist only for joining nodes and have expired.',
      ),
      evidence,
    );
  },
  examples: [
    {
      name: 'bootstrap token auth off (default)',
      expect: 'pass',
      facts: () => componentExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
    },
    {
      name: 'bootstrap group bound to cluster-admin',
      expect: 'fail',
      facts: () => {
        const facts = componentExample('kube-apiserver', ['--enable-bootstrap-token-auth=true']);
        facts.kubernetes.objects.set('ClusterRoleBinding', [
          binding(
            'kubeadm:kubelet-bootstrap',
            'system:node-bootstrapper',
            'system:bootstrappers:kubeadm:default-node-token',
          ),
          binding('ops-token', 'cluster-admin', 'system:bootstrappers:ops'),
        ]);
        facts.kubernetes.collectedKinds.add('ClusterRoleBinding');
        return facts;
      },
    },
    {
      name: 'kubeadm default: on, node-joining roles only',
      expect: 'manual',
      facts: () => componentExample('kube-apiserver', ['--enable-bootstrap-token-auth=true']),
    },
    { name: 'no command line', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
