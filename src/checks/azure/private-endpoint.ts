// Check (AKS): the API server has only a private endpoint: a private cluster without a public FQDN, or public network access disabled.
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (access: JsonObject | undefined, publicNetworkAccess?: string) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.33.2',
      ...(access ? { apiServerAccessProfile: access } : {}),
      ...(publicNetworkAccess ? { publicNetworkAccess } : {}),
    },
  });

export default defineArmCheck({
  id: 'aks-private-endpoint',
  title: t(
    'API 服务器仅有专用终结点，公网访问已禁用',
    'The API server has a private endpoint only, with public access disabled',
  ),
  remediation: t(
    '以 --enable-private-cluster 创建群集并执行 az aks update --disable-public-fqdn；或在启用 API 服务器 VNet 集成的群集上将 publicNetworkAccess 设为 Disabled。',
    'Create the cluster with --enable-private-cluster and run az aks update --disable-public-fqdn; or, on a cluster with API server VNet integration, set publicNetworkAccess to Disabled.',
  ),
  fields: [
    { path: 'apiServerAccessProfile.enablePrivateCluster', expected: 'true' },
    { path: 'apiServerAccessProfile.enablePrivateClusterPublicFqdn', expected: 'false or absent' },
    { path: 'publicNetworkAccess', expected: 'Disabled (or a private cluster without public FQDN)' },
  ],
  ok: ([isPrivate, publicFqdn, publicAccess]) =>
    (isPrivate === true && publicFqdn !== true) ||
    (typeof publicAccess === 'string' && publicAccess.toLowerCase() === 'disabled'),
  passReason: t(
    'API 服务器只能通过专用终结点访问',
    'The API server is reachable through its private endpoint only',
  ),
  failReason: t(
    'API 服务器有公共终结点（非专用群集，或专用群集保留了公共 FQDN）',
    'The API server has a public endpoint (not a private cluster, or a private cluster that keeps a public FQDN)',
  ),
  examples: [
    {
      name: 'private cluster, no public FQDN',
      expect: 'pass',
      facts: () => cluster({ enablePrivateCluster: true, enablePrivateClusterPublicFqdn: false }),
    },
    { name: 'public network access disabled', expect: 'pass', facts: () => cluster({}, 'Disabled') },
    {
      name: 'private cluster keeping a public FQDN',
      expect: 'fail',
      facts: () => cluster({ enablePrivateCluster: true, enablePrivateClusterPublicFqdn: true }, 'Enabled'),
    },
    {
      name: 'public cluster with authorized ranges',
      expect: 'fail',
      facts: () =>
        cluster({ enablePrivateCluster: false, authorizedIpRanges: ['203.0.113.0/24'] }, 'Enabled'),
    },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
