// Check (AKS): cluster egress goes through a route the customer controls (networkProfile.outboundType userDefinedRouting, none or block).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const CONTROLLED = new Set(['userdefinedrouting', 'none', 'block']);
const cluster = (outboundType: string | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.33.2',
      networkProfile: { networkPlugin: 'azure', ...(outboundType ? { outboundType } : {}) },
    },
  });

export default defineArmCheck({
  id: 'aks-egress-controlled',
  title: t(
    '群集出站流量经由客户控制的路由（如防火墙）',
    'Cluster egress goes through a route the customer controls (such as a firewall)',
  ),
  remediation: t(
    '以 --outbound-type userDefinedRouting 将出站流量经路由表导向 Azure 防火墙或网络虚拟设备，按 FQDN 允许列表放行 AKS 必需的出站目标。',
    'Use --outbound-type userDefinedRouting to send egress through a route table to Azure Firewall or a network virtual appliance that allows only the destinations AKS needs, by FQDN.',
  ),
  fields: [{ path: 'networkProfile.outboundType', expected: 'userDefinedRouting, none or block' }],
  ok: ([type]) => typeof type === 'string' && CONTROLLED.has(type.toLowerCase()),
  passReason: t('出站流量经由客户控制的路由', 'Egress goes through a route the customer controls'),
  failReason: t(
    '出站流量直接经负载均衡器或 NAT 网关出网，没有过滤',
    'Egress leaves directly through the load balancer or a NAT gateway, unfiltered',
  ),
  examples: [
    { name: 'user-defined routing', expect: 'pass', facts: () => cluster('userDefinedRouting') },
    { name: 'load balancer', expect: 'fail', facts: () => cluster('loadBalancer') },
    { name: 'absent (default load balancer)', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
