// Check (NSA/CISA 5.1): the cluster runs a Kubernetes minor still inside the upstream support calendar on the day the facts were collected.
import type { Check, Evidence } from '../../model/check.js';
import { t } from '../../model/text.js';
import { minorOf } from '../../evaluate/version-range.js';
import { armValue } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';
import { fail, manual, pass } from '../lib/outcome.js';

/**
 * End of upstream patch support per minor (kubernetes.io/releases, 14 months after release). A minor
 * newer than this table is not judged: the table must be extended first.
 */
export const UPSTREAM_END_OF_LIFE: Readonly<Record<string, string>> = {
  '1.25': '2023-10-28',
  '1.26': '2024-02-28',
  '1.27': '2024-06-28',
  '1.28': '2024-10-28',
  '1.29': '2025-02-28',
  '1.30': '2025-06-28',
  '1.31': '2025-10-28',
  '1.32': '2026-02-28',
  '1.33': '2026-06-28',
  '1.34': '2026-10-27',
  '1.35': '2027-02-28',
};
const OLDEST = 25;
const NEWEST = 35;

const check: Check = {
  id: 'cluster-version-supported',
  title: t(
    '集群 Kubernetes 版本仍在上游支持期内',
    "The cluster's Kubernetes version is still within upstream support",
  ),
  component: 'cluster',
  needs: ['kubernetes:version'],
  remediation: t(
    '升级到仍受支持的 Kubernetes 次版本，并启用自动升级（AKS：autoUpgradeProfile.upgradeChannel 设为 patch 或 stable）以及时获得安全补丁。',
    'Upgrade to a Kubernetes minor that is still supported, and turn on automatic upgrades (AKS: autoUpgradeProfile.upgradeChannel patch or stable) so security patches arrive promptly.',
  ),
  run({ facts }) {
    const version = facts.cluster.kubernetesVersion;
    const minor = minorOf(version);
    if (!version || !minor)
      return manual(
        t('快照中没有集群的 Kubernetes 版本', 'The snapshot holds no Kubernetes version for the cluster'),
      );
    const key = `${minor[0]}.${minor[1]}`;
    const day = facts.collectedAt.slice(0, 10);
    const evidence: Evidence[] = [
      {
        source: facts.origins.get('kubernetes:version')?.source ?? 'kubernetes-api',
        path: 'cluster.kubernetesVersion',
        observed: version,
        expected: 'a minor still supported upstream when the facts were collected',
        time: facts.collectedAt,
      },
    ];
    const channel = armValue(facts, 'autoUpgradeProfile.upgradeChannel');
    if (channel !== undefined)
      evidence.push({
        source: 'azure-arm',
        path: 'autoUpgradeProfile.upgradeChannel',
        observed: channel,
        expected: 'patch, stable or rapid (not none)',
        time: facts.origins.get('azure:managedCluster')?.time ?? facts.collectedAt,
      });
    if (armValue(facts, 'supportPlan') === 'AKSLongTermSupport')
      return manual(
        t(
          'AKS 长期支持（LTS）计划的支持期与上游不同，本版本未内置其日历：需人工核对',
          'The AKS long-term support plan has its own calendar, which this release does not carry: a person must check',
        ),
        evidence,
      );
    const end = UPSTREAM_END_OF_LIFE[key];
    if (!end) {
      if (minor[0] === 1 && minor[1] < OLDEST)
        return fail(
          t(`Kubernetes ${key} 早已停止支持`, `Kubernetes ${key} went out of support long ago`),
          evidence,
        );
      if (minor[0] === 1 && minor[1] > NEWEST)
        return manual(
          t(`支持日历尚未收录 Kubernetes ${key}`, `The support calendar does not list Kubernetes ${key} yet`),
          evidence,
        );
    }
    if (end && day <= end)
      return pass(
        t(
          `Kubernetes ${key} 在支持期内（上游支持至 ${end}）`,
          `Kubernetes ${key} is supported (upstream until ${end})`,
        ),
        evidence,
      );
    return fail(
      t(
        `Kubernetes ${key} 已于 ${end ?? '?'} 停止上游支持，早于事实采集日`,
        `Kubernetes ${key} left upstream support on ${end ?? '?'}, before the facts were collected`,
      ),
      evidence,
    );
  },
  examples: [],
};

const at = (version: string | undefined, day: string, managedCluster?: Record<string, string>) => {
  const facts = exampleFacts(managedCluster ? { managedCluster: { name: 'c', ...managedCluster } } : {});
  facts.collectedAt = `${day}T00:00:00Z`;
  if (version) facts.cluster.kubernetesVersion = version;
  return facts;
};

check.examples.push(
  { name: '1.33 in May 2026', expect: 'pass', facts: () => at('v1.33.2', '2026-05-01') },
  { name: '1.30 in November 2026', expect: 'fail', facts: () => at('1.30.6', '2026-11-20') },
  { name: '1.21: long gone', expect: 'fail', facts: () => at('1.21.0', '2026-01-01') },
  { name: 'a minor newer than the calendar', expect: 'manual', facts: () => at('1.40.0', '2026-01-01') },
  { name: 'no version', expect: 'manual', facts: () => at(undefined, '2026-01-01') },
  {
    name: 'AKS long-term support plan',
    expect: 'manual',
    facts: () => at('1.30.6', '2026-11-20', { supportPlan: 'AKSLongTermSupport' }),
  },
);

export default check;
