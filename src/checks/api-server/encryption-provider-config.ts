// Check: kube-apiserver encrypts Secrets at rest (--encryption-provider-config is set).
import { defineFlagCheck } from '../lib/flag-check.js';
import { exampleFacts } from '../lib/example-facts.js';
import { flagValue } from '../lib/flags.js';
import { t } from '../../model/text.js';

const apiserver = (args: string[]) =>
  exampleFacts({ nodes: [{ name: 'cp', processes: { 'kube-apiserver': ['kube-apiserver', ...args] } }] });

export default defineFlagCheck({
  id: 'apiserver-encryption-provider-config',
  title: t(
    'API 服务器配置了静态加密（--encryption-provider-config）',
    'API server encrypts data at rest (--encryption-provider-config)',
  ),
  component: 'kube-apiserver',
  flag: 'encryption-provider-config',
  expected: 'set to an EncryptionConfiguration file',
  test: (flags) => {
    const value = flagValue(flags, 'encryption-provider-config');
    return { ok: value !== undefined && value !== '', observed: value ?? null };
  },
  remediation: t(
    '创建 EncryptionConfiguration（建议使用 KMS v2 提供程序），并在 kube-apiserver 中设置 --encryption-provider-config 指向该文件。',
    'Create an EncryptionConfiguration (a KMS v2 provider is preferred) and point --encryption-provider-config of kube-apiserver at it.',
  ),
  examples: [
    {
      name: 'set',
      expect: 'pass',
      facts: () => apiserver(['--encryption-provider-config=/etc/kubernetes/enc/config.yaml']),
    },
    { name: 'absent', expect: 'fail', facts: () => apiserver(['--anonymous-auth=false']) },
  ],
});
