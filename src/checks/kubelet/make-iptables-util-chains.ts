// Check: the kubelet manages its iptables utility chains (makeIPTablesUtilChains true).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-make-iptables-util-chains',
  title: t(
    'kubelet 管理 iptables 工具链（makeIPTablesUtilChains 为 true）',
    'Kubelet makeIPTablesUtilChains is true',
  ),
  expected: 'makeIPTablesUtilChains true',
  settings: ['makeIPTablesUtilChains'],
  test: (v) => v.makeIPTablesUtilChains === true,
  remediation: t(
    '删除 kubelet 配置中的 makeIPTablesUtilChains: false（或 --make-iptables-util-chains=false），然后重启 kubelet。',
    'Remove makeIPTablesUtilChains: false (or --make-iptables-util-chains=false) from the kubelet configuration and restart the kubelet.',
  ),
  examples: [
    { name: 'default true', expect: 'pass', facts: () => kubeletExample({ configFile: {} }) },
    {
      name: 'false in the config file',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: { makeIPTablesUtilChains: false } }),
    },
    {
      name: 'false by flag',
      expect: 'fail',
      facts: () => kubeletExample({ args: ['--make-iptables-util-chains=false'] }),
    },
  ],
});
