// Check (AKS): the cluster's Kubernetes minor version is still supported on the day the facts were collected (AKS support calendar).
import type { Check, CheckParameters } from '../../model/check.js';
import type { SupportCalendar } from '../../model/support-calendar.js';
import { t } from '../../model/text.js';
import { minorOf } from '../../evaluate/version-range.js';
import { armEvidence, armValue, noManagedCluster } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';
import { fail, manual, pass } from '../lib/outcome.js';

export const CALENDAR_ID = 'aks-support-calendar';

const EXAMPLE_CALENDAR: SupportCalendar = {
  id: CALENDAR_ID,
  title: t('示例日历', 'Example calendar'),
  source: 'example',
  asOf: '2026-01-01',
  versions: [
    { minor: '1.30', ga: '2024-06-01', communityEnd: '2025-07-01', ltsEnd: '2026-07-01' },
    { minor: '1.33', ga: '2025-06-01', communityEnd: '2026-06-01', ltsEnd: '2027-06-01' },
  ],
};
const withCalendar: Partial<CheckParameters> = { calendars: new Map([[CALENDAR_ID, EXAMPLE_CALENDAR]]) };
const cluster = (version: string, supportPlan?: string) => {
  const facts = exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: version,
      currentKubernetesVersion: version,
      ...(supportPlan ? { supportPlan } : {}),
    },
  });
  facts.collectedAt = '2026-03-01T00:00:00Z';
  return facts;
};

const check: Check = {
  id: 'aks-supported-version',
  title: t(
    '群集的 Kubernetes 次版本仍在 AKS 支持期内',
    "The cluster's Kubernetes minor version is still within AKS support",
  ),
  component: 'azure',
  needs: ['azure:managedCluster'],
  remediation: t(
    '用 az aks upgrade 升级到受支持的次版本（逐个次版本升级），或对需要更长周期的群集启用长期支持（Premium 层 + AKSLongTermSupport）。',
    'Upgrade to a supported minor version with az aks upgrade (one minor version at a time), or put clusters that need a longer cycle on long-term support (Premium tier + AKSLongTermSupport).',
  ),
  run({ facts, params }) {
    if (!facts.azure.managedCluster) return noManagedCluster();
    const calendar = params.calendars?.get(CALENDAR_ID);
    if (!calendar) return manual(t('没有 AKS 支持日历数据', 'No AKS support calendar data is available'));
    const field =
      armValue(facts, 'currentKubernetesVersion') !== undefined
        ? 'currentKubernetesVersion'
        : 'kubernetesVersion';
    const version = armValue(facts, field);
    const plan = armValue(facts, 'supportPlan');
    const lts = typeof plan === 'string' && plan.toLowerCase() === 'akslongtermsupport';
    const day = facts.collectedAt.slice(0, 10);
    const minor = typeof version === 'string' ? minorOf(version) : undefined;
    const entry = minor ? calendar.versions.find((v) => v.minor === `${minor[0]}.${minor[1]}`) : undefined;
    const end = entry ? (lts && entry.ltsEnd ? entry.ltsEnd : entry.communityEnd) : undefined;
    const asOf = t(
      `（${calendar.title.zh}，截至 ${calendar.asOf}）`,
      ` (${calendar.title.en}, as of ${calendar.asOf})`,
    );
    const evidence = [
      armEvidence(facts, field, 'a minor version still supported'),
      armEvidence(facts, 'supportPlan', 'KubernetesOfficial or AKSLongTermSupport'),
      {
        source: 'provider' as const,
        path: `${calendar.id} ${entry?.minor ?? String(version)}`,
        observed: entry
          ? `support ends ${end}${lts ? ' (LTS)' : ''} (calendar as of ${calendar.asOf})`
          : `not in the calendar as of ${calendar.asOf}`,
        expected: 'support still running on the day the facts were collected (the time of this evidence)',
        time: facts.collectedAt,
      },
    ];
    if (!entry || !end || !day)
      return manual(
        t(
          `支持日历中没有 Kubernetes ${String(version)} 的条目${asOf.zh}：请核实其支持状态`,
          `The support calendar has no entry for Kubernetes ${String(version)}${asOf.en}: verify its support status`,
        ),
        evidence,
      );
    if (day < end)
      return pass(
        t(
          `Kubernetes ${String(version)} 的${lts ? '长期' : '社区'}支持至 ${end}${asOf.zh}`,
          `Kubernetes ${String(version)} has ${lts ? 'long-term' : 'community'} support until ${end}${asOf.en}`,
        ),
        evidence,
      );
    return fail(
      t(
        `Kubernetes ${String(version)} 的${lts ? '长期' : '社区'}支持已于 ${end} 结束${asOf.zh}`,
        `${lts ? 'Long-term' : 'Community'} support for Kubernetes ${String(version)} ended on ${end}${asOf.en}`,
      ),
      evidence,
    );
  },
  examples: [
    { name: '1.33 before its end', expect: 'pass', params: withCalendar, facts: () => cluster('1.33.2') },
    {
      name: '1.30 after community support',
      expect: 'fail',
      params: withCalendar,
      facts: () => cluster('1.30.6'),
    },
    {
      name: '1.30 on long-term support',
      expect: 'pass',
      params: withCalendar,
      facts: () => cluster('1.30.6', 'AKSLongTermSupport'),
    },
    {
      name: 'a version the calendar lacks',
      expect: 'manual',
      params: withCalendar,
      facts: () => cluster('1.20.1'),
    },
    { name: 'no calendar', expect: 'manual', facts: () => cluster('1.33.2') },
  ],
};
export default check;
