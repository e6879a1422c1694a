// Check: the kubelet caps the number of processes per pod (podPidsLimit > 0).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-pod-pids-limit',
  title: t(
    'kubelet 限制每个 Pod 的进程数（podPidsLimit）',
    'Kubelet podPidsLimit is set to a positive value',
  ),
  expected: 'podPidsLimit > 0',
  settings: ['podPidsLimit'],
  test: (v) => typeof v.podPidsLimit === 'number' && v.podPidsLimit > 0,
  remediation: t(
    '在 kubelet 配置文件中把 podPidsLimit 设为符合工作负载的正数（如 4096），然后重启 kubelet。',
    'Set podPidsLimit to a positive value that suits the workloads (for example 4096) in the kubelet config file and restart the kubelet.',
  ),
  examples: [
    { name: '4096', expect: 'pass', facts: () => kubeletExample({ configFile: { podPidsLimit: 4096 } }) },
    { name: 'default -1: unlimited', expect: 'fail', facts: () => kubeletExample({ configFile: {} }) },
    { name: '-1 in configz', expect: 'fail', facts: () => kubeletExample({ configz: { podPidsLimit: -1 } }) },
    { name: 'by flag', expect: 'pass', facts: () => kubeletExample({ args: ['--pod-max-pids=1024'] }) },
  ],
});
