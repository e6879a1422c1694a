// Check: kube-apiserver does not accept static tokens (--token-auth-file is not set).
import { t } from '../../model/text.js';
import { componentExample, exampleFacts } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-token-auth-file',
  title: t(
    'API 服务器不使用静态令牌文件（不设置 --token-auth-file）',
    'API server does not use a static token file (--token-auth-file not set)',
  ),
  component: 'kube-apiserver',
  flag: 'token-auth-file',
  expected: 'not set',
  test: (flags) => {
    const value = flagValue(flags, 'token-auth-file');
    return { ok: value === undefined, observed: value ?? 'not set' };
  },
  remediation: t(
    '改用 OIDC、Webhook 或服务账户令牌等可吊销的认证方式，并从 kube-apiserver 启动参数中删除 --token-auth-file。',
    'Move to revocable authentication (OIDC, webhook or service account tokens) and remove --token-auth-file from the kube-apiserver arguments.',
  ),
  examples: [
    { name: 'not set', expect: 'pass', facts: () => run(['--authorization-mode=Node,RBAC']) },
    {
      name: 'set to a CSV of tokens',
      expect: 'fail',
      facts: () => run(['--token-auth-file=/etc/kubernetes/tokens.csv']),
    },
    {
      name: 'separate value form',
      expect: 'fail',
      facts: () => run(['--token-auth-file', '/etc/kubernetes/tokens.csv']),
    },
    { name: 'no command line', expect: 'manual', facts: () => exampleFacts() },
  ],
});
