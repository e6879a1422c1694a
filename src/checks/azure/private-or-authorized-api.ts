// Check (AKS): the API server is private, or reachable only from authorized IP ranges that are not the whole internet.
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';
import type { JsonObject } from '../../model/facts.js';

const OPEN = new Set(['0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1', '::/0']);
const cluster = (access: JsonObject | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.30.6',
      ...(access ? { apiServerAccessProfile: access } : {}),
    },
  });

export default defineArmCheck({
  id: 'aks-private-or-authorized-api',
  title: t(
    'API 服务器为专用或仅限授权 IP 访问',
    'The API server is private or limited to authorized IP ranges',
  ),
  remediation: t(
    '创建专用群集（--enable-private-cluster），或执行 az aks update --api-server-authorized-ip-ranges <CIDR 列表> 只允许管理网络访问 API 服务器。',
    'Create a private cluster (--enable-private-cluster), or run az aks update --api-server-authorized-ip-ranges <CIDRs> so only management networks reach the API server.',
  ),
  fields: [
    { path: 'apiServerAccessProfile.enablePrivateCluster', expected: 'true, or authorized IP ranges' },
    { path: 'apiServerAccessProfile.authorizedIpRanges', expected: 'non-empty, without 0.0.0.0/0' },
  ],
  ok: ([isPrivate, ranges]) => {
    if (isPrivate === true) return true;
    const list = Array.isArray(ranges) ? ranges.filter((r): r is string => typeof r === 'string') : [];
    return list.length > 0 && !list.some((r) => OPEN.has(r.trim()));
  },
  passReason: t(
    'API 服务器为专用，或仅允许授权的 IP 范围访问',
    'The API server is private, or only authorized IP ranges reach it',
  ),
  failReason: t(
    'API 服务器对公网开放（非专用群集且未限制授权 IP 范围）',
    'The API server is open to the internet (not private and no authorized IP ranges limit it)',
  ),
  examples: [
    { name: 'private cluster', expect: 'pass', facts: () => cluster({ enablePrivateCluster: true }) },
    {
      name: 'authorized ranges',
      expect: 'pass',
      facts: () => cluster({ enablePrivateCluster: false, authorizedIpRanges: ['203.0.113.0/24'] }),
    },
    {
      name: 'authorized range is the whole internet',
      expect: 'fail',
      facts: () => cluster({ enablePrivateCluster: false, authorizedIpRanges: ['0.0.0.0/0'] }),
    },
    { name: 'public, no ranges', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
