// Check: the kubelet does not override its hostname (--hostname-override is not set).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-hostname-override',
  title: t('kubelet 未设置 --hostname-override', 'Kubelet --hostname-override is not set'),
  expected: '--hostname-override not set',
  settings: ['hostnameOverride'],
  test: (v) => v.hostnameOverride === '',
  remediation: t(
    '从 kubelet 的启动参数（systemd 单元或其 drop-in 文件）中删除 --hostname-override，然后重启 kubelet。',
    'Remove --hostname-override from the kubelet arguments (the systemd unit or its drop-in) and restart the kubelet.',
  ),
  examples: [
    {
      name: 'absent',
      expect: 'pass',
      facts: () => kubeletExample({ args: ['--config=/var/lib/kubelet/config.yaml'], files: {} }),
    },
    { name: 'set', expect: 'fail', facts: () => kubeletExample({ args: ['--hostname-override=node-a'] }) },
    {
      name: 'configz only: a flag configz cannot show',
      expect: 'manual',
      facts: () => kubeletExample({ configz: { readOnlyPort: 0 } }),
    },
  ],
});
