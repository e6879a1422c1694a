// Check: kube-apiserver verifies client certificates against a CA (--client-ca-file).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-client-ca-file',
  title: t('API 服务器设置客户端 CA 文件（--client-ca-file）', 'API server sets --client-ca-file'),
  component: 'kube-apiserver',
  flag: 'client-ca-file',
  expected: 'set',
  test: (flags) => {
    const value = flagValue(flags, 'client-ca-file');
    return { ok: value !== undefined && value !== '', observed: value ?? 'not set' };
  },
  remediation: t(
    '在 kube-apiserver 中设置 --client-ca-file 指向集群 CA 证书。',
    'Set --client-ca-file of kube-apiserver to the cluster CA certificate.',
  ),
  examples: [
    { name: 'set', expect: 'pass', facts: () => run(['--client-ca-file=/etc/kubernetes/pki/ca.crt']) },
    { name: 'absent', expect: 'fail', facts: () => run([]) },
  ],
});
