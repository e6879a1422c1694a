// Check (CIS v1.12.0 4.1.7): the client CA file the kubelet trusts (authentication.x509.clientCAFile) has mode 644 or more restrictive.
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineClientCaFileCheck } from '../lib/file-check.js';

const ca = '/etc/kubernetes/pki/ca.crt';
const config = { authentication: { x509: { clientCAFile: ca } } };

export default defineClientCaFileCheck({
  id: 'file-kubelet-client-ca-mode-644',
  title: t(
    'kubelet 客户端证书颁发机构文件权限为 644 或更严格',
    'The kubelet client certificate authorities file permissions are 644 or more restrictive (CIS v1.12.0)',
  ),
  maxMode: 0o644,
  remediation: t(
    '找到 kubelet 配置中 authentication.x509.clientCAFile（或 --client-ca-file）指向的文件，在每个节点上对其执行 chmod 644。',
    'Find the file named by authentication.x509.clientCAFile (or --client-ca-file) in the kubelet configuration and run chmod 644 on it on each node.',
  ),
  examples: [
    {
      name: 'path from the config file, file 0644',
      expect: 'pass',
      facts: () =>
        kubeletExample({
          configFile: config,
          files: { [ca]: { mode: '0644', owner: 'root', group: 'root' } },
        }),
    },
    {
      name: 'path from --client-ca-file, file 0666',
      expect: 'fail',
      facts: () =>
        kubeletExample({
          args: [`--client-ca-file=${ca}`],
          files: { [ca]: { mode: '0666', owner: 'root', group: 'root' } },
        }),
    },
    {
      name: 'configz only (AKS): no node facts to read the file',
      expect: 'manual',
      facts: () => kubeletExample({ configz: config }),
    },
    {
      name: 'no client CA configured',
      expect: 'not-applicable',
      facts: () => kubeletExample({ configFile: {} }),
    },
  ],
});
