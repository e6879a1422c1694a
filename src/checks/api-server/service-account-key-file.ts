// Check: kube-apiserver names the public keys that verify service account tokens (--service-account-key-file).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-service-account-key-file',
  title: t(
    'API 服务器设置服务账户公钥文件（--service-account-key-file）',
    'API server sets --service-account-key-file',
  ),
  component: 'kube-apiserver',
  flag: 'service-account-key-file',
  expected: 'set',
  test: (flags) => {
    const value = flagValue(flags, 'service-account-key-file');
    return { ok: value !== undefined && value !== '', observed: value ?? 'not set' };
  },
  remediation: t(
    '生成服务账户签名密钥对，并在 kube-apiserver 中设置 --service-account-key-file 指向公钥。',
    'Create a service account signing key pair and set --service-account-key-file of kube-apiserver to the public key.',
  ),
  examples: [
    {
      name: 'set',
      expect: 'pass',
      facts: () => run(['--service-account-key-file=/etc/kubernetes/pki/sa.pub']),
    },
    {
      name: 'absent',
      expect: 'fail',
      facts: () => run(['--service-account-signing-key-file=/etc/kubernetes/pki/sa.key']),
    },
  ],
});
