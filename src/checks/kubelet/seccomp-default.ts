// Check: the kubelet runs every container with the RuntimeDefault seccomp profile unless a pod asks otherwise (seccompDefault true).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-seccomp-default',
  title: t(
    'kubelet 默认使用 RuntimeDefault seccomp 配置（seccompDefault 为 true）',
    'Kubelet seccompDefault is true (RuntimeDefault seccomp profile by default)',
  ),
  expected: 'seccompDefault true',
  settings: ['seccompDefault'],
  test: (v) => v.seccompDefault === true,
  remediation: t(
    '在 kubelet 配置文件中设置 seccompDefault: true（或 --seccomp-default=true），然后重启 kubelet；先在测试节点上确认工作负载在 RuntimeDefault 下正常运行。',
    'Set seccompDefault: true in the kubelet config file (or --seccomp-default=true) and restart the kubelet; first confirm on a test node that workloads run under RuntimeDefault.',
  ),
  examples: [
    {
      name: 'true in configz',
      expect: 'pass',
      facts: () => kubeletExample({ configz: { seccompDefault: true } }),
    },
    {
      name: 'absent from the config file: default false',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: {} }),
    },
    {
      name: 'flag set to true',
      expect: 'pass',
      facts: () => kubeletExample({ args: ['--seccomp-default=true'] }),
    },
    {
      name: 'flag set to false overrides the file',
      expect: 'fail',
      facts: () =>
        kubeletExample({ args: ['--seccomp-default=false'], configFile: { seccompDefault: true } }),
    },
  ],
});
