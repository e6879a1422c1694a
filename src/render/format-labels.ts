// Labels in Chinese and English used only by the exchange formats (CSV, JUnit, SARIF, OSCAL, HTML).
import { t, type Lang, type Text } from '../model/text.js';

const FORMAT_LABELS = {
  statusCode: t('状态代码', 'Status code'),
  offenderCount: t('违规对象数', 'Offending objects'),
  framework: t('基准', 'Framework'),
  requirementId: t('要求编号', 'Requirement ID'),
  evidenceMore: t(
    '另有 {n} 条，完整列表见 findings.csv 或工作簿',
    '{n} more; findings.csv and the workbook list them all',
  ),
  noEvidence: t('无证据记录', 'No evidence recorded'),
  notObserved: t('未观察', 'Not observed'),
  htmlFilterStatus: t('状态', 'Status'),
  htmlFilterSection: t('章节', 'Section'),
  htmlFilterResponsibility: t('责任方', 'Responsibility'),
  htmlFilterText: t('搜索', 'Search'),
  htmlFilterAll: t('全部', 'All'),
  htmlShown: t('显示 {shown} / {total} 项要求', '{shown} of {total} requirements shown'),
  htmlOffenderCap: t(
    '每项结果最多列出 {cap} 个违规对象；完整列表见 findings.csv、工作簿或 assessment.json。',
    'Each result lists at most {cap} offending objects; findings.csv, the workbook and assessment.json list them all.',
  ),
  htmlOffendersMore: t('另有 {n} 个，未在此页列出', '{n} more, not listed on this page'),
  htmlExpand: t('展开全部', 'Expand all'),
  htmlCollapse: t('收起全部', 'Collapse all'),
  htmlNoScript: t(
    '筛选需要 JavaScript；未启用时仍显示全部结果。',
    'Filtering needs JavaScript; without it every result is still shown.',
  ),
  htmlAppendixIntro: t(
    '下列文件在本页之前写入证据包；manifest.json 记录包括本文件在内所有文件的 SHA-256，可用 kube-evidence verify 核对。',
    'These files were written to the evidence pack before this page; manifest.json records the SHA-256 of every file, this one included, and kube-evidence verify checks them.',
  ),
  htmlSelfContained: t(
    '本文件自包含：不加载任何外部资源，内容安全策略禁止一切网络请求。',
    'This file is self-contained: it loads nothing from elsewhere, and its content security policy forbids every network request.',
  ),
} satisfies Record<string, Text>;

export type FormatLabelKey = keyof typeof FORMAT_LABELS;

export function formatLabels(lang: Lang): Record<FormatLabelKey, string> {
  return Object.fromEntries(Object.entries(FORMAT_LABELS).map(([k, v]) => [k, v[lang]])) as Record<
    FormatLabelKey,
    string
  >;
}

/** Both languages of a format label, for formats that carry both (SARIF properties, OSCAL remarks). */
export function formatText(key: FormatLabelKey): Text {
  return FORMAT_LABELS[key];
}
