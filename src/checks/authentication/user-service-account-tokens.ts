// Check: people do not sign in with service account tokens (not observable from cluster facts).
import type { Check } from '../../model/check.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { manual } from '../lib/outcome.js';

const check: Check = {
  id: 'authn-user-service-account-tokens',
  title: t('不对用户使用服务账户令牌认证', 'Service account token authentication is not used for users'),
  component: 'authentication',
  needs: [],
  remediation: t(
    '为人员配置 OIDC 等外部身份认证；服务账户令牌只留给集群内的工作负载，并清理人员手中的长期令牌。',
    'Give people an external identity provider such as OIDC; keep service account tokens for in-cluster workloads and withdraw long-lived tokens held by people.',
  ),
  // A token looks the same whether a pod or a person presents it: only the audit trail and the issuance process tell.
  run: () =>
    manual(
      t(
        '令牌由谁使用无法从配置中看出：请在审计日志中查找来自集群外部地址的 system:serviceaccount:* 请求，并核查手工创建的长期令牌 Secret。',
        'Who presents a token cannot be seen in the configuration: look in the audit log for system:serviceaccount:* requests from outside the cluster, and review hand-made long-lived token Secrets.',
      ),
    ),
  examples: [{ name: 'always needs a person', expect: 'manual', facts: () => exampleFacts() }],
};
export default check;
