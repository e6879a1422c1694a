// Bilingual labels of the comparison report and workbook: headings, columns, difference classes and their meanings.
import { t, type Lang, type Text } from '../model/text.js';
import type { Correspondence, DifferenceClass } from './model.js';

const COMPARE_LABELS = {
  reportTitle: t('Kubernetes 安全合规对比报告', 'Kubernetes Security Compliance Comparison'),
  subtitle: t(
    '逐项对比多份评估：提供商映射、状态、责任方与决定性证据',
    'Assessments side by side: provider mapping, status, responsibility and deciding evidence per requirement',
  ),
  sides: t('参与对比的评估', 'Assessments compared'),
  side: t('评估', 'Assessment'),
  baseline: t('基线', 'Baseline'),
  sideN: t('对比方 {n}', 'Side {n}'),
  cluster: t('集群', 'Cluster'),
  provider: t('提供商', 'Provider'),
  profile: t('提供商配置文件', 'Provider profile'),
  framework: t('基准', 'Framework'),
  kubernetesVersion: t('Kubernetes 版本', 'Kubernetes version'),
  collectedAt: t('事实采集时间', 'Facts collected'),
  generatedAt: t('对比生成时间', 'Comparison generated'),
  sourceFile: t('来源文件', 'Source file'),
  sha256: t('SHA-256', 'SHA-256'),
  score: t('得分', 'Score'),
  scoreNote: t(
    '得分 = 通过 ÷（通过 + 不通过 + 错误），取自各评估本身；不同提供商映射下计入得分的要求并不相同，比较得分时请结合差异类别。',
    'Score = pass ÷ (pass + fail + error), taken from each assessment; under different provider mappings different requirements count, so read scores together with the difference classes.',
  ),
  requirements: t('要求数', 'Requirements'),
  correspondence: t('要求对应方式', 'Requirements matched by'),
  sameCluster: t('与基线为同一集群', 'Same cluster as baseline'),
  yes: t('是', 'Yes'),
  no: t('否', 'No'),
  summary: t('摘要', 'Summary'),
  classCounts: t('差异类别统计', 'Difference classes'),
  differenceClass: t('差异类别', 'Difference'),
  meaning: t('含义', 'Meaning'),
  count: t('数量', 'Count'),
  shiftsHeading: t('责任方变化', 'Shifts of responsibility'),
  shiftsIntro: t(
    '以下要求在基线与对比方由不同的一方负责（例如本地集群由客户负责，托管集群由提供商负责），这是向客户解释责任共担模型时的要点。',
    'These requirements are owned by different parties on the baseline and another side (for example the customer on-premises and the provider on a managed cluster): the points to explain when walking a client through shared responsibility.',
  ),
  noShifts: t('各方责任划分一致。', 'Responsibility is the same on every side.'),
  objectsHeading: t('违规对象随时间的变化', 'Offending objects over time'),
  objectsIntro: t(
    '同一集群的两次扫描之间，按类型、命名空间、名称和容器匹配违规对象：新增、已修复、仍未修复。',
    'Between two scans of the same cluster, offending objects matched by kind, namespace, name and container: new, fixed, still failing.',
  ),
  objectsMore: t('另有 {n} 个，完整列表见工作簿', '{n} more; the workbook lists them all'),
  objectsIncomplete: t(
    '评估文件只保留了部分违规对象，列表可能不完整。',
    'An assessment kept only part of its offending objects; the lists may be incomplete.',
  ),
  newObjects: t('新增', 'New'),
  fixedObjects: t('已修复', 'Fixed'),
  stillFailing: t('仍未修复', 'Still failing'),
  change: t('变化', 'Change'),
  bySection: t('逐章节对比', 'Comparison by section'),
  differences: t('差异清单', 'List of differences'),
  differencesIntro: t(
    '与基线不同的每一项要求，列出各方的映射、映射原因、状态、结论依据与决定性证据。',
    "Every requirement that differs from the baseline, with each side's mapping and its reason, status, why, and the deciding evidence.",
  ),
  noDifferences: t('所有要求与基线一致。', 'Every requirement is the same as on the baseline.'),
  id: t('编号', 'ID'),
  section: t('章节', 'Section'),
  title: t('标题', 'Title'),
  requirement: t('要求', 'Requirement'),
  mapping: t('映射', 'Mapping'),
  mappingReason: t('映射原因', 'Mapping reason'),
  status: t('状态', 'Status'),
  responsibility: t('责任方', 'Responsibility'),
  reason: t('结论依据', 'Why this status'),
  evidence: t('决定性证据', 'Deciding evidence'),
  expected: t('期望', 'expected'),
  offenders: t('违规对象数', 'Offending objects'),
  dependsOnEnvironment: t('取决于环境', 'Depends on environment'),
  absent: t('无对应要求', 'No corresponding requirement'),
  kind: t('类型', 'Kind'),
  namespace: t('命名空间', 'Namespace'),
  name: t('名称', 'Name'),
  container: t('容器', 'Container'),
  finding: t('问题', 'Finding'),
  method: t('对比方法', 'How the comparison is made'),
  methodIntro: t(
    '第一份评估为基线，其余每份评估逐项与基线比较。同一基准按要求编号对应；Q/KXY CS001—2023 与 CIS Kubernetes 之间，列出相同检查项的要求相互对应；其他不同基准需用 --framework-map 文件说明对应关系。',
    'The first assessment is the baseline; every other one is compared with it requirement by requirement. Within one framework requirements match by id; between Q/KXY CS001—2023 and CIS Kubernetes, requirements listing the same checks match; other framework pairs need a --framework-map file.',
  ),
  timeZoneNote: t(
    '所有时间均为 ISO 8601 格式的协调世界时（UTC）。',
    'All times are ISO 8601 in Coordinated Universal Time (UTC).',
  ),
  page: t(
    '第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页',
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
  ),
  versus: t('对比', 'vs'),
  sheetSummary: t('摘要', 'Summary'),
  sheetComparison: t('逐项对比', 'Comparison'),
  sheetDifferences: t('仅差异', 'Differences only'),
  sheetObjects: t('违规对象随时间变化', 'Objects over time'),
  item: t('项目', 'Item'),
  value: t('值', 'Value'),
  laterScan: t('较晚的扫描', 'Later scan'),
  sheetShifts: t('责任方变化', 'Responsibility shifts'),
  contents: t('目录', 'Contents'),
  shiftsTotals: t('变化汇总', 'Shifts in total'),
} satisfies Record<string, Text>;

export type CompareLabelKey = keyof typeof COMPARE_LABELS;

export function compareLabels(lang: Lang): Record<CompareLabelKey, string> {
  return Object.fromEntries(Object.entries(COMPARE_LABELS).map(([k, v]) => [k, v[lang]])) as Record<
    CompareLabelKey,
    string
  >;
}

export const CLASS_LABELS: Record<DifferenceClass, Text> = {
  same: t('相同', 'Same'),
  remapped: t('提供商映射不同', 'Remapped'),
  configuration: t('配置不同', 'Configuration'),
  regression: t('变差', 'Regression'),
  improvement: t('改善', 'Improvement'),
  'only-in-one': t('仅一方有', 'Only in one'),
};

export const CLASS_MEANINGS: Record<DifferenceClass, Text> = {
  same: t(
    '状态相同；同一集群时违规对象也无新增或修复。',
    'Same status; for one cluster over time, no object newly failing or fixed either.',
  ),
  remapped: t(
    '因提供商配置文件的映射不同而不同，例如托管集群上不适用、本地集群上按事实评估为不通过。',
    'Differs because the provider profiles map it differently, e.g. not applicable on a managed cluster, assessed and failing on-premises.',
  ),
  configuration: t(
    '双方都按事实判定（或映射相同），一方通过一方不通过：集群配置不同。',
    'Both decided from facts (or mapped alike), with different outcomes: the clusters are configured differently.',
  ),
  regression: t(
    '同一集群较晚的扫描更差：状态变差，或出现新的违规对象。',
    'Same cluster, the later scan is worse: a worse status, or a newly offending object.',
  ),
  improvement: t(
    '同一集群较晚的扫描更好：状态变好，或违规对象被修复且无新增。',
    'Same cluster, the later scan is better: a better status, or objects fixed and none new.',
  ),
  'only-in-one': t('只有一方有对应的要求。', 'Only one side has a corresponding requirement.'),
};

export const CORRESPONDENCE_LABELS: Record<Correspondence, Text> = {
  baseline: t('基线', 'Baseline'),
  'same-framework': t('同一基准，按编号', 'Same framework, by id'),
  'shared-checks': t('相同检查项（Q/KXY ↔ CIS 内置）', 'Shared checks (built-in Q/KXY ↔ CIS)'),
  'framework-map': t('对应关系文件', 'Framework map file'),
};
