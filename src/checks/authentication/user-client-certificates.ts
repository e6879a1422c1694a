// Check: users do not authenticate with client certificates (not observable from the API on self-run clusters).
import type { Check } from '../../model/check.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { manual } from '../lib/outcome.js';

const check: Check = {
  id: 'authn-user-client-certificates',
  title: t('不对用户使用客户端证书认证', 'Client certificate authentication is not used for users'),
  component: 'authentication',
  needs: [],
  remediation: t(
    '为用户配置 OIDC 或其他外部身份提供程序；客户端证书无法吊销，仅保留给组件使用。',
    'Give users OIDC or another external identity provider; client certificates cannot be revoked, so keep them for components only.',
  ),
  // Issued certificates are not visible through the API: a person reviews the CA's issuance and kubeconfigs.
  run: () =>
    manual(
      t(
        '已签发的客户端证书无法从 API 观察：请核查 CA 的签发记录和分发给用户的 kubeconfig。',
        'Issued client certificates cannot be observed through the API: review the CA issuance records and the kubeconfigs handed to users.',
      ),
    ),
  examples: [{ name: 'always needs a person', expect: 'manual', facts: () => exampleFacts() }],
};
export default check;
