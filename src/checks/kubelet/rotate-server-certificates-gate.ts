// Check (Q/KXY 5.6.2.6, Annex A): serverTLSBootstrap is on, or the RotateKubeletServerCertificate gate is set to true on the kubelet.
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck, type KubeletValueSource } from '../lib/kubelet-config.js';

const GATE = 'RotateKubeletServerCertificate';

export default defineKubeletCheck({
  id: 'kubelet-rotate-server-certificate-gate',
  title: t(
    'kubelet 启用 RotateKubeletServerCertificate（或 serverTLSBootstrap）',
    'Kubelet RotateKubeletServerCertificate is set to true (or serverTLSBootstrap is on)',
  ),
  expected: `serverTLSBootstrap true, or feature gate ${GATE}=true set`,
  settings: ['serverTLSBootstrap'],
  gate: { name: GATE, defaultValue: true },
  test: (v, gate, sources) => {
    // Annex A: with serverTLSBootstrap (or --rotate-server-certificates) the check is passed over.
    if (v.serverTLSBootstrap === true) return true;
    // Otherwise the gate must be present and true; its default does not count as "set".
    const gateSource = (sources as Record<string, KubeletValueSource>)[`featureGates.${GATE}`];
    return gate === true && gateSource !== 'default';
  },
  remediation: t(
    '在 kubelet 配置文件中设置 featureGates: {RotateKubeletServerCertificate: true}（或 serverTLSBootstrap: true），然后重启 kubelet。',
    'Set featureGates: {RotateKubeletServerCertificate: true} (or serverTLSBootstrap: true) in the kubelet config file and restart the kubelet.',
  ),
  examples: [
    {
      name: 'serverTLSBootstrap on: the gate is not looked at',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: { serverTLSBootstrap: true } }),
    },
    {
      name: 'gate set true by flag',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: {}, args: [`--feature-gates=${GATE}=true`] }),
    },
    {
      name: 'gate true in configz',
      expect: 'pass',
      facts: () => kubeletExample({ configz: { featureGates: { [GATE]: true } } }),
    },
    { name: 'neither set', expect: 'fail', facts: () => kubeletExample({ configFile: {} }) },
    {
      name: 'gate set false',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: { featureGates: { [GATE]: false } } }),
    },
  ],
});
