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
  packsRefused: t('最新证据包被拒绝', 'Latest packs refused'),
  kpiStale: t('无近期扫描的集群', 'Clusters without a recent scan'),
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
  versionShort: t('版本', 'Kubernetes'),
  profile: t('提供商配置文件', 'Profile'),
  scanTime: t('扫描时间', 'Scan time'),
  pack: t('证据包', 'Pack'),
  coverage: t('覆盖情况：无近期扫描的集群', 'Coverage: clusters without a recent scan'),
  coverageLine: t(
    '{total} 个集群中有 {stale} 个无近期扫描（最近 {days} 天内没有计入统计的扫描）。',
    '{stale} of {total} clusters without a recent scan (no counted scan in the last {days} days).',
  ),
  coverageNote: t(
    '无近期扫描是指：最新计入统计的扫描早于 {days} 天，或最新证据包未通过验证而被拒绝，或没有任何完整的证据包。这些集群的合规状态未知或已过时。',
    'Without a recent scan means: the latest counted scan is older than {days} days, the latest pack was refused, or there is no finished pack. For these clusters the picture is missing or out of date.',
  ),
  coverageAllRecent: t(
    '全部 {total} 个集群在最近 {days} 天内均有计入统计的扫描。',
    'All {total} clusters have a counted scan within the last {days} days.',
  ),
  reason: t('原因', 'Reason'),
  lastScan: t('最近扫描', 'Last scan'),
  ageDays: t('天数', 'Age (days)'),
  reasonOld: t('扫描过旧', 'scan too old'),
  reasonRefused: t('最新证据包未通过验证', 'latest pack refused'),
  reasonNoPack: t('没有完整的证据包', 'no finished pack'),
  trend: t('合规趋势', 'Compliance over time'),
  trendNote: t(
    '每个有扫描的日期（UTC）：各集群截至当日最新得分的平均值，来自各集群较早的证据包。横轴上各日期等距排列。',
    "For each day with a scan (UTC): the mean of each cluster's latest score up to that day, from the older packs of each cluster. The days are evenly spaced on the axis.",
  ),
  trendOneDay: t(
    '目前只有一天的扫描：随着各集群积累较早的证据包，趋势线会逐步形成。',
    'Scans from one day only so far: the line grows as each cluster keeps older packs.',
  ),
  trendEmpty: t('尚无较早的证据包，无法绘制趋势。', 'No older packs yet: no trend to draw.'),
  day: t('日期', 'Day'),
  clusters: t('集群数', 'Clusters'),
  refused: t('被拒绝的证据包', 'Packs refused'),
  refusedNote: t(
    '以下证据包未通过验证（文件被修改、缺失或多出，签名无效或不可信，或清单无法读取），不计入任何统计。',
    'These packs failed verification (files changed, missing or added, a signature that is wrong or not trusted, or an unreadable manifest) and are not counted anywhere.',
  ),
  latest: t('最新', 'Latest'),
  latestOrOlder: t('最新或较早', 'Latest or older'),
  refusedKind: t('类型', 'Kind'),
  kindIntegrity: t('完整性校验失败', 'integrity check failed'),
  kindAuthenticity: t('签名校验失败', 'signature check failed'),
  kindUnreadable: t('无法读取或不适用', 'unreadable or not usable'),
  signature: t('签名', 'Signature'),
  signatureUnsigned: t('未签名', 'unsigned'),
  signatureUnchecked: t('已签名，未核对信任', 'signed, trust not checked'),
  signatureTrusted: t('已签名，可信', 'signed, trusted'),
  sigShortUnsigned: t('未签名', 'unsigned'),
  sigShortSigned: t('已签名', 'signed'),
  sigShortTrusted: t('可信', 'trusted'),
  signatureNote: t(
    '签名：“已签名”表示签名有效，但未用 --trust 核对签名者；“可信”表示由 --trust 指定的证书或其签发的证书签名。',
    'Signature: "signed" means a valid signature whose signer was not checked (no --trust); "trusted" means signed by a certificate given with --trust, or one it issued.',
  ),
  signer: t('签名者', 'Signer'),
  manifestSha256: t('manifest.json 的 SHA-256', 'SHA-256 of manifest.json'),
  status: t('状态', 'Status'),
  worstMore: t(
    '另有 {n} 项要求在至少一个集群上不通过，完整列表见工作簿 fleet-report.xlsx。',
    '{n} more requirements fail on at least one cluster: the workbook fleet-report.xlsx lists them all.',
  ),
  rankedMore: t(
    '另有 {n} 个集群，见工作簿 fleet-report.xlsx 的“集群”工作表。',
    '{n} more clusters: see the Clusters sheet of fleet-report.xlsx.',
  ),
  staleMore: t(
    '另有 {n} 个集群无近期扫描，完整列表见 fleet-report.json。',
    '{n} more clusters without a recent scan: fleet-report.json lists them all.',
  ),
  refusedMore: t(
    '另有 {n} 个证据包被拒绝，见工作簿 fleet-report.xlsx 的“被拒绝”工作表。',
    '{n} more packs refused: see the Refused sheet of fleet-report.xlsx.',
  ),
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
