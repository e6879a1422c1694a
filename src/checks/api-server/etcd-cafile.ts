// Check: kube-apiserver verifies the etcd server certificate (--etcd-cafile).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-etcd-cafile',
  title: t('API 服务器校验 etcd 服务证书（--etcd-cafile）', 'API server sets --etcd-cafile'),
  component: 'kube-apiserver',
  flag: 'etcd-cafile',
  expected: 'set',
  test: (flags) => {
    const value = flagValue(flags, 'etcd-cafile');
    return { ok: value !== undefined && value !== '', observed: value ?? 'not set' };
  },
  remediation: t(
    '在 kube-apiserver 中设置 --etcd-cafile 指向 etcd 的 CA 证书。',
    'Set --etcd-cafile of kube-apiserver to the etcd CA certificate.',
  ),
  examples: [
    { name: 'set', expect: 'pass', facts: () => run(['--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt']) },
    { name: 'absent', expect: 'fail', facts: () => run(['--etcd-servers=https://127.0.0.1:2379']) },
  ],
});
