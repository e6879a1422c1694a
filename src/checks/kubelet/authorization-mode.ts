// Check: the kubelet does not authorize every request (authorization.mode is not AlwaysAllow).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-authorization-mode',
  title: t('kubelet 授权模式不是 AlwaysAllow', 'Kubelet --authorization-mode is not AlwaysAllow'),
  expected: 'authorization mode Webhook (not AlwaysAllow)',
  settings: ['authorizationMode'],
  test: (v) => v.authorizationMode !== 'AlwaysAllow',
  remediation: t(
    '在 kubelet 配置文件中设置 authorization.mode: Webhook（或 --authorization-mode=Webhook），然后重启 kubelet。',
    'Set authorization.mode: Webhook in the kubelet config file (or --authorization-mode=Webhook) and restart the kubelet.',
  ),
  examples: [
    { name: 'config file: default Webhook', expect: 'pass', facts: () => kubeletExample({ configFile: {} }) },
    { name: 'flags only, absent: AlwaysAllow', expect: 'fail', facts: () => kubeletExample({ args: [] }) },
    {
      name: 'config file says AlwaysAllow',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: { authorization: { mode: 'AlwaysAllow' } } }),
    },
    {
      name: 'configz Webhook',
      expect: 'pass',
      facts: () => kubeletExample({ configz: { authorization: { mode: 'Webhook' } } }),
    },
  ],
});
