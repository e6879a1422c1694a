// Check (AKS): no agent pool gives its nodes public IP addresses (enableNodePublicIP false in every pool).
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { definePoolCheck } from '../lib/agent-pools.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (...pools: JsonObject[]) =>
  exampleFacts({ managedCluster: { name: 'c', kubernetesVersion: '1.33.2', agentPoolProfiles: pools } });

export default definePoolCheck({
  id: 'aks-no-node-public-ip',
  title: t('节点没有公共 IP 地址（专用节点）', 'Nodes have no public IP addresses (private nodes)'),
  remediation: t(
    '用不带 --enable-node-public-ip 的新节点池替换为节点分配公共 IP 的节点池（该设置不能在现有节点池上更改），出站流量经负载均衡器、NAT 网关或防火墙。',
    'Replace any node pool that gives nodes public IPs with a new pool created without --enable-node-public-ip (the setting cannot be changed on an existing pool); send egress through a load balancer, NAT gateway or firewall.',
  ),
  field: 'enableNodePublicIp',
  expected: 'false or absent',
  // ARM omits the field when it is off, so absence is the default false.
  judge: (value) => value !== true,
  failing: t('为节点分配了公共 IP', 'give their nodes public IPs'),
  passReason: t('所有代理池的节点都没有公共 IP', 'No agent pool gives its nodes public IPs'),
  examples: [
    {
      name: 'all pools private',
      expect: 'pass',
      facts: () => cluster({ name: 'system', enableNodePublicIp: false }, { name: 'apps' }),
    },
    {
      name: 'one pool with public IPs',
      expect: 'fail',
      facts: () =>
        cluster({ name: 'system', enableNodePublicIp: false }, { name: 'edge', enableNodePublicIp: true }),
    },
    { name: 'no pools listed', expect: 'manual', facts: () => cluster() },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
