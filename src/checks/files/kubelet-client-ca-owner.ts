// Check: the client CA file the kubelet trusts (authentication.x509.clientCAFile) is owned by root:root.
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineClientCaFileCheck } from '../lib/file-check.js';

const ca = '/etc/kubernetes/pki/ca.crt';
const config = { authentication: { x509: { clientCAFile: ca } } };

export default defineClientCaFileCheck({
  id: 'file-kubelet-client-ca-owner',
  title: t(
    'kubelet 客户端证书颁发机构文件属主为 root:root',
    'The kubelet client certificate authorities file ownership is root:root',
  ),
  owner: 'root:root',
  remediation: t(
    '找到 kubelet 配置中 authentication.x509.clientCAFile（或 --client-ca-file）指向的文件，在每个节点上对其执行 chown root:root。',
    'Find the file named by authentication.x509.clientCAFile (or --client-ca-file) in the kubelet configuration and run chown root:root on it on each node.',
  ),
  examples: [
    {
      name: 'root:root',
      expect: 'pass',
      facts: () =>
        kubeletExample({
          configFile: config,
          files: { [ca]: { mode: '0644', owner: 'root', group: 'root' } },
        }),
    },
    {
      name: 'owned by another user',
      expect: 'fail',
      facts: () =>
        kubeletExample({
          configFile: config,
          files: { [ca]: { mode: '0600', owner: 'kube', group: 'kube' } },
        }),
    },
    {
      name: 'config file content not collected',
      expect: 'manual',
      facts: () => kubeletExample({ args: ['--config=/etc/kubelet/other.yaml'] }),
    },
  ],
});
