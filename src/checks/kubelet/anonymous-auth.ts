// Check: the kubelet refuses anonymous requests (authentication.anonymous.enabled=false).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-anonymous-auth',
  title: t('kubelet 禁用匿名访问', 'Kubelet anonymous authentication is disabled'),
  expected: 'anonymous auth disabled',
  settings: ['anonymousAuth'],
  test: (v) => v.anonymousAuth === false,
  remediation: t(
    '在 kubelet 配置文件中设置 authentication.anonymous.enabled: false（或 --anonymous-auth=false），然后重启 kubelet。',
    'Set authentication.anonymous.enabled: false in the kubelet config file (or --anonymous-auth=false) and restart the kubelet.',
  ),
  examples: [
    {
      name: 'config file sets false',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: { authentication: { anonymous: { enabled: false } } } }),
    },
    {
      name: 'config file without the field: v1beta1 default false',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: {} }),
    },
    {
      name: 'flags only, absent: flag default true',
      expect: 'fail',
      facts: () => kubeletExample({ args: ['--kubeconfig=/etc/kubernetes/kubelet.conf'] }),
    },
    {
      name: 'flag overrides the config file',
      expect: 'fail',
      facts: () =>
        kubeletExample({
          configFile: { authentication: { anonymous: { enabled: false } } },
          args: ['--anonymous-auth=true'],
        }),
    },
    {
      name: 'configz only (AKS)',
      expect: 'pass',
      facts: () => kubeletExample({ configz: { authentication: { anonymous: { enabled: false } } } }),
    },
    {
      name: 'config file content not collected',
      expect: 'manual',
      facts: () => kubeletExample({ args: ['--config=/etc/kubelet.yaml'] }),
    },
  ],
});
