// Fleet report labels in Chinese and English, for the PDF and the workbook.
import { t, pick, type Lang, type Text } from '../model/text.js';

const LABELS = {
  title: t('集群群组合规证据汇总', 'Fleet Compliance Evidence Summary'),
  subtitle: t(
    '每个集群最新的已验证证据包；未通过验证的证据包单独列出，不计入统计。',
    'The latest verified evidence pack of every cluster; packs that fail verification are listed apart and never counted.',
  ),
  source: t('证据来源', 'Evidence source'),
  framework: t('基准', 'Framework'),
  generatedAt: t('生成时间', 'Generated'),
  clustersCounted: t('计入的集群', 'Clusters counted'),
  packsRefused: t('被拒绝的证据包', 'Packs refused'),
  meanScore: t('平均得分', 'Mean score'),
  scoreNote: t(
    '得分 = 通过 ÷（通过 + 不通过），只计入从事实中观察到的结果。',
    'Score = pass ÷ (pass + fail), counting only results observed in the facts.',
  ),
  worstRequirements: t('失败最多的要求', 'Worst requirements across the fleet'),
  worstNote: t(
    '按失败集群数排序；失败占比 = 不通过 ÷（通过 + 不通过）。',
    'Ordered by the number of failing clusters; fail share = fail ÷ (pass + fail).',
  ),
  requirement: t('要求', 'Requirement'),
  title_: t('标题', 'Title'),
  failingClusters: t('失败集群数', 'Failing clusters'),
  failShare: t('失败占比', 'Fail share'),
  errors: t('无法判定', 'Errors'),
  ranking: t('集群排名', 'Clusters ranked'),
  rankingNote: t(
    '按得分从低到高排列：最需要关注的集群在前。',
    'Lowest score first: the clusters that need attention lead.',
  ),
  rank: t('名次', 'Rank'),
  cluster: t('集群', 'Cluster'),
  score: t('得分', 'Score'),
  failed: t('不通过', 'Failed'),
  version: t('Kubernetes 版本', 'Kubernetes version'),
  profile: t('提供商配置文件', 'Profile'),
  scanTime: t('扫描时间', 'Scan time'),
  pack: t('证据包', 'Pack'),
  coverage: t('覆盖情况', 'Coverage'),
  coverageNote: t(
    '超过 {days} 天未扫描、最新证据包被拒绝或没有任何完整证据包的集群。',
    'Clusters without a scan in the last {days} days, whose latest pack was refused, or with no finished pack.',
  ),
  coverageAllRecent: t('所有集群均有近期扫描。', 'Every cluster has a recent scan.'),
  reason: t('原因', 'Reason'),
  lastScan: t('最近扫描', 'Last scan'),
  ageDays: t('天数', 'Age (days)'),
  reasonOld: t('扫描过旧', 'scan too old'),
  reasonRefused: t('最新证据包未通过验证', 'latest pack refused'),
  reasonNoPack: t('没有完整的证据包', 'no finished pack'),
  trend: t('合规趋势', 'Compliance over time'),
  trendNote: t(
    '每个有扫描的日期（UTC）：各集群截至当日最新得分的平均值，来自各集群较早的证据包。',
    'For each day with a scan (UTC): the mean of every cluster’s latest score up to that day, from the older packs of each cluster.',
  ),
  trendEmpty: t('尚无较早的证据包，无法绘制趋势。', 'No older packs yet: no trend to draw.'),
  day: t('日期', 'Day'),
  clusters: t('集群数', 'Clusters'),
  refused: t('被拒绝的证据包', 'Packs refused'),
  refusedNote: t(
    '以下证据包未通过验证（文件被修改、缺失或多出，或清单无法读取），不计入任何统计。',
    'These packs failed verification (files changed, missing or added, or an unreadable manifest) and are not counted anywhere.',
  ),
  latest: t('最新', 'Latest'),
  older: t('较早', 'Older'),
  none: t('无', 'None'),
  page: t(
    '第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页',
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
  ),
  // Workbook
  matrixSheet: t('矩阵', 'Matrix'),
  clustersSheet: t('集群', 'Clusters'),
  refusedSheet: t('被拒绝', 'Refused'),
  offenders: t('不合规对象数', 'Objects failing'),
  evidenceItems: t('证据条数', 'Evidence items'),
  provider: t('提供商', 'Provider'),
  historyPacks: t('较早证据包数', 'Older packs'),
  noFailing: t('没有集群未通过此要求。', 'No cluster fails this requirement.'),
};

export type FleetLabels = { [K in keyof typeof LABELS]: string };

export function fleetLabels(lang: Lang): FleetLabels {
  return Object.fromEntries(
    Object.entries(LABELS).map(([k, v]) => [k, pick(v as Text, lang)]),
  ) as FleetLabels;
}
