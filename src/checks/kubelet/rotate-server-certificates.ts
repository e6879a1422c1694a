// Check: the kubelet rotates its serving certificate (serverTLSBootstrap true, RotateKubeletServerCertificate gate not off).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-rotate-server-certificates',
  title: t(
    'kubelet 启用服务证书轮换（RotateKubeletServerCertificate 与 serverTLSBootstrap）',
    'Kubelet server certificate rotation is enabled (RotateKubeletServerCertificate with serverTLSBootstrap)',
  ),
  expected: 'serverTLSBootstrap true and RotateKubeletServerCertificate not false',
  settings: ['serverTLSBootstrap'],
  gate: { name: 'RotateKubeletServerCertificate', defaultValue: true },
  test: (v, gate) => v.serverTLSBootstrap === true && gate === true,
  remediation: t(
    '在 kubelet 配置文件中设置 serverTLSBootstrap: true，保持 RotateKubeletServerCertificate 特性门控开启，并为 kubelet 服务证书 CSR 配置审批。',
    'Set serverTLSBootstrap: true in the kubelet config file, keep the RotateKubeletServerCertificate gate on, and arrange approval of the kubelet serving CSRs.',
  ),
  examples: [
    {
      name: 'serverTLSBootstrap with the gate on by default',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: { serverTLSBootstrap: true } }),
    },
    {
      name: 'gate on but serverTLSBootstrap false: nothing rotates',
      expect: 'fail',
      facts: () => kubeletExample({ configz: { featureGates: { RotateKubeletServerCertificate: true } } }),
    },
    {
      name: 'gate turned off by flag',
      expect: 'fail',
      facts: () =>
        kubeletExample({
          configFile: { serverTLSBootstrap: true },
          args: ['--feature-gates=RotateKubeletServerCertificate=false'],
        }),
    },
  ],
});
