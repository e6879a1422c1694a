// Check: the kubelet serves TLS with a configured certificate and key, or a certificate from the cluster CA (serverTLSBootstrap).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-tls-cert-key',
  title: t(
    'kubelet 配置了服务证书与私钥（或使用 serverTLSBootstrap）',
    'Kubelet tlsCertFile and tlsPrivateKeyFile are set, or serverTLSBootstrap is true',
  ),
  expected: 'tlsCertFile and tlsPrivateKeyFile set, or serverTLSBootstrap true',
  settings: ['tlsCertFile', 'tlsPrivateKeyFile', 'serverTLSBootstrap'],
  test: (v) => v.serverTLSBootstrap === true || (Boolean(v.tlsCertFile) && Boolean(v.tlsPrivateKeyFile)),
  remediation: t(
    '为 kubelet 配置由集群 CA 签发的服务证书：设置 tlsCertFile 与 tlsPrivateKeyFile，或设置 serverTLSBootstrap: true 并审批其 CSR。',
    'Give the kubelet a serving certificate from the cluster CA: set tlsCertFile and tlsPrivateKeyFile, or serverTLSBootstrap: true and approve its CSRs.',
  ),
  examples: [
    {
      name: 'certificate and key files',
      expect: 'pass',
      facts: () =>
        kubeletExample({
          configFile: {
            tlsCertFile: '/var/lib/kubelet/pki/kubelet.crt',
            tlsPrivateKeyFile: '/var/lib/kubelet/pki/kubelet.key',
          },
        }),
    },
    {
      name: 'serverTLSBootstrap',
      expect: 'pass',
      facts: () => kubeletExample({ configz: { serverTLSBootstrap: true } }),
    },
    {
      name: 'neither: self-signed certificate',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: {} }),
    },
    {
      name: 'certificate without key (flags)',
      expect: 'fail',
      facts: () => kubeletExample({ args: ['--tls-cert-file=/var/lib/kubelet/pki/kubelet.crt'] }),
    },
  ],
});
