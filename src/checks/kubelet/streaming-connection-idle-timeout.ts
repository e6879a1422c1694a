// Check: streaming connections to the kubelet time out (streamingConnectionIdleTimeout is not 0).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { parseGoDuration } from '../lib/flags.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-streaming-connection-idle-timeout',
  title: t('kubelet 流式连接空闲超时不为 0', 'Kubelet streamingConnectionIdleTimeout is not 0'),
  expected: 'streamingConnectionIdleTimeout > 0',
  settings: ['streamingConnectionIdleTimeout'],
  test: (v) => {
    const seconds =
      typeof v.streamingConnectionIdleTimeout === 'string'
        ? parseGoDuration(v.streamingConnectionIdleTimeout)
        : undefined;
    return seconds === undefined ? undefined : seconds > 0;
  },
  remediation: t(
    '在 kubelet 配置文件中把 streamingConnectionIdleTimeout 设为非零值（如 5m），然后重启 kubelet。',
    'Set streamingConnectionIdleTimeout to a non-zero value (for example 5m) in the kubelet config file and restart the kubelet.',
  ),
  examples: [
    { name: 'default 4h', expect: 'pass', facts: () => kubeletExample({ configFile: {} }) },
    {
      name: '5m by flag',
      expect: 'pass',
      facts: () => kubeletExample({ args: ['--streaming-connection-idle-timeout=5m'] }),
    },
    {
      name: '0s in the config file is defaulted to 4h (kubeadm writes it)',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: { streamingConnectionIdleTimeout: '0s' } }),
    },
    {
      name: '0 by flag disables the timeout',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: {}, args: ['--streaming-connection-idle-timeout=0'] }),
    },
    {
      name: 'configz shows 0s: no timeout',
      expect: 'fail',
      facts: () => kubeletExample({ configz: { streamingConnectionIdleTimeout: '0s' } }),
    },
    {
      name: 'configz 4h0m0s',
      expect: 'pass',
      facts: () => kubeletExample({ configz: { streamingConnectionIdleTimeout: '4h0m0s' } }),
    },
  ],
});
