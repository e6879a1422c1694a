// Check: the kubelet verifies client certificates against a CA (authentication.x509.clientCAFile).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-client-ca-file',
  title: t('kubelet 设置客户端 CA 文件', 'Kubelet --client-ca-file is set as appropriate'),
  expected: 'clientCAFile set',
  settings: ['clientCAFile'],
  test: (v) => typeof v.clientCAFile === 'string' && v.clientCAFile !== '',
  remediation: t(
    '在 kubelet 配置文件中设置 authentication.x509.clientCAFile 指向集群 CA（或 --client-ca-file），然后重启 kubelet。',
    'Set authentication.x509.clientCAFile to the cluster CA in the kubelet config file (or --client-ca-file) and restart the kubelet.',
  ),
  examples: [
    {
      name: 'set in the config file',
      expect: 'pass',
      facts: () =>
        kubeletExample({
          configFile: { authentication: { x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' } } },
        }),
    },
    {
      name: 'set by flag',
      expect: 'pass',
      facts: () => kubeletExample({ args: ['--client-ca-file=/etc/kubernetes/pki/ca.crt'] }),
    },
    { name: 'absent', expect: 'fail', facts: () => kubeletExample({ configFile: {} }) },
    {
      name: 'configz without it (omitted when empty)',
      expect: 'fail',
      facts: () => kubeletExample({ configz: { authentication: { anonymous: { enabled: false } } } }),
    },
  ],
});
