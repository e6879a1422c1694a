// Check (NSA/CISA 3.2): people authenticate through an external identity provider: OIDC, a structured authentication configuration, or a token webhook.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);
const FLAGS = ['oidc-issuer-url', 'authentication-config', 'authentication-token-webhook-config-file'];

export default defineFlagCheck({
  id: 'apiserver-user-authentication',
  title: t(
    'API 服务器通过外部身份提供者认证用户（OIDC、认证配置或令牌 Webhook）',
    'API server authenticates people through an identity provider (OIDC, authentication configuration or token webhook)',
  ),
  component: 'kube-apiserver',
  flag: FLAGS,
  expected: 'one of --oidc-issuer-url, --authentication-config, --authentication-token-webhook-config-file',
  test: (flags) => {
    const set = FLAGS.filter((f) => flagValue(flags, f));
    return {
      ok: set.length > 0,
      observed: set.length > 0 ? set.map((f) => `--${f}`).join(', ') : 'none set',
    };
  },
  remediation: t(
    '为 kube-apiserver 配置 OIDC（--oidc-issuer-url 等）或结构化认证配置（--authentication-config），让用户通过支持多因素认证的身份提供者登录，不再向用户发放客户端证书或静态令牌。',
    'Configure OIDC (--oidc-issuer-url and related flags) or a structured authentication configuration (--authentication-config) on kube-apiserver so people sign in through an identity provider with multi-factor authentication, instead of client certificates or static tokens.',
  ),
  examples: [
    { name: 'OIDC', expect: 'pass', facts: () => run(['--oidc-issuer-url=https://login.example.com']) },
    {
      name: 'authentication configuration',
      expect: 'pass',
      facts: () => run(['--authentication-config=/etc/kubernetes/authn.yaml']),
    },
    {
      name: 'certificates only (kubeadm default)',
      expect: 'fail',
      facts: () => run(['--client-ca-file=/pki/ca.crt']),
    },
  ],
});
