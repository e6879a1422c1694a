// Check (Q/KXY 5.1.2.1): anonymous requests are off, or on with RBAC granting system:anonymous / system:unauthenticated no more than health checks.
import type { Check, Evidence, Offender } from '../../model/check.js';
import { t } from '../../model/text.js';
import { componentArgs } from '../lib/components.js';
import { bindingObject, exampleFacts, roleObject } from '../lib/example-facts.js';
import { componentNeeds, noCommandLine } from '../lib/flag-check.js';
import { flagBool, flagList, hasFlag } from '../lib/flags.js';
import { kubeEvidence, missingReason } from '../lib/index.js';
import { fail, manual, pass } from '../lib/outcome.js';
import { missingRbacKinds, rbacIndex, RBAC_KINDS, subjectLabel, type PolicyRule } from '../lib/rbac.js';

/** The unauthenticated health and version endpoints the clause's exception is about (system:public-info-viewer). */
const HEALTH_PATHS = ['/healthz', '/livez', '/readyz', '/version'];

function isHealthPath(url: string): boolean {
  const path = url.replace(/\/\*?$/, '');
  return HEALTH_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/** A rule that only lets anyone read health and version endpoints. */
function healthOnly(rule: PolicyRule): boolean {
  return (
    rule.resources.length === 0 &&
    rule.nonResourceURLs.length > 0 &&
    rule.nonResourceURLs.every(isHealthPath) &&
    rule.verbs.every((v) => v === 'get')
  );
}

const isAnonymous = (kind: string, name: string) =>
  (kind === 'User' && name === 'system:anonymous') || (kind === 'Group' && name === 'system:unauthenticated');

const check: Check = {
  id: 'apiserver-anonymous-auth-rbac',
  title: t(
    'API 服务器禁用匿名访问，或仅经 RBAC 授予匿名用户健康检查权限',
    'API server anonymous requests are off, or RBAC grants anonymous users health checks only',
  ),
  component: 'kube-apiserver',
  needs: [...componentNeeds('kube-apiserver'), ...RBAC_KINDS.map((k) => `kubernetes:${k}`)],
  remediation: t(
    '设置 --anonymous-auth=false；若为健康检查保留匿名访问，只让 system:anonymous / system:unauthenticated 绑定到仅含 /healthz、/livez、/readyz、/version 的 get 权限的角色（如 system:public-info-viewer）。',
    'Set --anonymous-auth=false; if anonymous access stays on for health checks, bind system:anonymous / system:unauthenticated only to roles that allow get on /healthz, /livez, /readyz and /version (such as system:public-info-viewer).',
  ),
  run({ facts }) {
    const found = componentArgs(facts, 'kube-apiserver');
    if (found.length === 0) return manual(noCommandLine('kube-apiserver'));
    const evidence: Evidence[] = found.map((args) => ({
      source: args.source,
      path: `${args.location} --anonymous-auth`,
      observed: hasFlag(args.flags, 'anonymous-auth')
        ? String(flagBool(args.flags, 'anonymous-auth', true))
        : 'not set (defaults to true)',
      expected: 'false, or true with RBAC granting anonymous users health checks only',
      time: args.time,
      file: args.file,
    }));
    const enabled = found.filter((args) => flagBool(args.flags, 'anonymous-auth', true));
    if (enabled.length === 0) return pass(t('--anonymous-auth=false', '--anonymous-auth=false'), evidence);
    // Anonymous requests are on: what they may do depends on every authorizer in the chain.
    for (const args of enabled) {
      if (hasFlag(args.flags, 'authorization-config'))
        return manual(
          t(
            '匿名访问已启用，授权由 --authorization-config 配置，需人工核对匿名用户的权限',
            'Anonymous requests are on and authorization comes from --authorization-config: a person must review what anonymous users may do',
          ),
          evidence,
        );
      const modes = flagList(args.flags, 'authorization-mode');
      if (modes.length === 0 || modes.includes('AlwaysAllow'))
        return fail(
          t(
            '匿名访问已启用，且授权模式允许所有请求（AlwaysAllow）',
            'Anonymous requests are on and the authorization mode allows every request (AlwaysAllow)',
          ),
          evidence,
        );
      if (modes.some((m) => m !== 'Node' && m !== 'RBAC'))
        return manual(
          t(
            `匿名访问已启用，授权链含 ${modes.join(',')}，RBAC 之外的授权器需人工核对`,
            `Anonymous requests are on and the authorizers include ${modes.join(',')}: what those beyond RBAC allow needs a person`,
          ),
          evidence,
        );
    }
    const missing = missingRbacKinds(facts);
    if (missing.length > 0) return manual(missingReason(missing), evidence);
    const offenders: Offender[] = [];
    const health: string[] = [];
    for (const binding of rbacIndex(facts).bindings) {
      for (const subject of binding.subjects) {
        if (!isAnonymous(subject.kind, subject.name)) continue;
        const label = `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ''}${binding.name}`;
        if (binding.role && binding.role.rules.every(healthOnly)) {
          health.push(label);
          continue;
        }
        offenders.push({
          kind: binding.kind,
          ...(binding.namespace ? { namespace: binding.namespace } : {}),
          name: binding.name,
          field: `binds ${binding.roleRef.kind} ${binding.roleRef.name}${binding.role ? '' : ' (role not found)'}`,
          value: subjectLabel(subject),
        });
      }
    }
    evidence.push(
      kubeEvidence(
        facts,
        'ClusterRoleBinding',
        'kubernetes:rolebindings+clusterrolebindings subjects system:anonymous, system:unauthenticated',
        `${offenders.length} grant(s) beyond health checks; health-check only: ${health.join(', ') || 'none'}`,
        'health and version endpoints only',
      ),
    );
    if (offenders.length > 0)
      return fail(
        t(
          `匿名访问已启用，且 RBAC 授予匿名用户健康检查以外的权限（${offenders.length} 处）`,
          `Anonymous requests are on and RBAC grants anonymous users more than health checks (${offenders.length} binding(s))`,
        ),
        evidence,
        offenders,
      );
    return pass(
      t(
        '匿名访问已启用，但 RBAC 只授予匿名用户健康检查与版本端点（条款允许的情形）',
        'Anonymous requests are on, but RBAC grants anonymous users only the health and version endpoints (the case the clause allows)',
      ),
      evidence,
    );
  },
  examples: [],
};

const apiserver = (args: string[], objects: Parameters<typeof exampleFacts>[0] = {}) => {
  const facts = exampleFacts({ kinds: [...RBAC_KINDS], ...objects });
  facts.nodes.set('cp', {
    node: 'cp',
    collectedAt: '2026-01-01T00:00:00Z',
    files: {},
    processes: { 'kube-apiserver': { argv: ['kube-apiserver', ...args] } },
  });
  return facts;
};
const publicInfo = roleObject('system:public-info-viewer', undefined, [
  { verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] },
]);
const publicBinding = bindingObject(
  'system:public-info-viewer',
  undefined,
  'ClusterRole/system:public-info-viewer',
  [{ kind: 'Group', name: 'system:unauthenticated', apiGroup: 'rbac.authorization.k8s.io' }],
);

check.examples.push(
  { name: 'anonymous-auth false', expect: 'pass', facts: () => apiserver(['--anonymous-auth=false']) },
  {
    name: 'default on, RBAC grants only health checks',
    expect: 'pass',
    facts: () => apiserver(['--authorization-mode=Node,RBAC'], { objects: [publicInfo, publicBinding] }),
  },
  {
    name: 'on, and anonymous users may list pods',
    expect: 'fail',
    facts: () =>
      apiserver(['--authorization-mode=Node,RBAC'], {
        objects: [
          publicInfo,
          publicBinding,
          roleObject('pod-reader', undefined, [{ verbs: ['list'], apiGroups: [''], resources: ['pods'] }]),
          bindingObject('anon-pods', undefined, 'ClusterRole/pod-reader', [
            { kind: 'User', name: 'system:anonymous', apiGroup: 'rbac.authorization.k8s.io' },
          ]),
        ],
      }),
  },
  {
    name: 'on with AlwaysAllow',
    expect: 'fail',
    facts: () => apiserver(['--anonymous-auth=true', '--authorization-mode=AlwaysAllow']),
  },
  { name: 'no command line', expect: 'manual', facts: () => exampleFacts() },
);

export default check;
