// Check: the kubelet read-only port is off (readOnlyPort 0).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-read-only-port',
  title: t(
    'kubelet 关闭只读端口（readOnlyPort 为 0）',
    'Kubelet read-only port is disabled (readOnlyPort 0)',
  ),
  expected: 'readOnlyPort 0',
  settings: ['readOnlyPort'],
  test: (v) => v.readOnlyPort === 0,
  remediation: t(
    '在 kubelet 配置文件中设置 readOnlyPort: 0（或 --read-only-port=0），然后重启 kubelet。',
    'Set readOnlyPort: 0 in the kubelet config file (or --read-only-port=0) and restart the kubelet.',
  ),
  examples: [
    {
      name: 'config file without it: default 0',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: {} }),
    },
    { name: 'flags only, absent: 10255', expect: 'fail', facts: () => kubeletExample({ args: [] }) },
    {
      name: 'config file 10255',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: { readOnlyPort: 10255 } }),
    },
    {
      name: 'flag 0 overrides the file',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: { readOnlyPort: 10255 }, args: ['--read-only-port=0'] }),
    },
    { name: 'configz omits 0', expect: 'pass', facts: () => kubeletExample({ configz: { port: 10250 } }) },
    {
      name: 'configz 10255',
      expect: 'fail',
      facts: () => kubeletExample({ configz: { readOnlyPort: 10255 } }),
    },
  ],
});
