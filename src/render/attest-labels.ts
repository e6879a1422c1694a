// Labels of the auditor's verdicts in the PDF and workbook (kept apart from labels.ts: added by `attest`).
import type { ReviewVerdict } from '../model/assessment.js';
import { t, type Lang } from '../model/text.js';
import { labels } from './labels.js';

const ATTEST_LABELS = {
  reviewer: t('审阅人', 'Reviewer'),
  reviewDate: t('审阅日期', 'Review date'),
  reviewDatePrompt: t(
    '审阅日期（YYYY-MM-DD），2000 年之后',
    'The date of the review (YYYY-MM-DD), after 2000',
  ),
  reviewedBy: t('审阅', 'Reviewed by'),
  attestationHeading: t('审计结论与签署', 'Auditor attestation'),
  attestationIntro: t(
    '以下结论由审计人员在工作簿的“结果”表中填写，并由 kube-evidence attest 写回本证据包。结论不改变自动评估的状态；结转的结论来自同一集群、同一基准和要求的较早证据包，在其有效期内有效。',
    'The verdicts below were entered by the auditor in the Results sheet of the workbook and written back into this pack by kube-evidence attest. A verdict does not change the status the tool assessed; a carried verdict comes from an earlier pack of the same cluster, framework and requirement, and holds until it expires.',
  ),
  attestedAt: t('写回时间', 'Written back'),
  reviewedWorkbook: t('审阅的工作簿', 'Reviewed workbook'),
  reviewedDocument: t('工作簿对应的文档标识', 'Document the workbook was made for'),
  validity: t('结论有效期（天）', 'Verdicts valid for (days)'),
  expires: t('有效期至', 'Valid until'),
  source: t('来源', 'Source'),
  sourceWorkbook: t('本次审阅', 'This review'),
  sourceCarried: t('结转自文档 {id}（{date}）', 'Carried from document {id} ({date})'),
  noReviews: t('尚无审计结论。', 'No verdicts recorded yet.'),
  carriedShort: t('结转', 'carried'),
} as const;

export type AttestLabelKey = keyof typeof ATTEST_LABELS;

export function attestLabels(lang: Lang): Record<AttestLabelKey, string> {
  return Object.fromEntries(Object.entries(ATTEST_LABELS).map(([k, v]) => [k, v[lang]])) as Record<
    AttestLabelKey,
    string
  >;
}

/** The verdict as the workbook's drop-down shows it. */
export function verdictLabel(verdict: ReviewVerdict, lang: Lang): string {
  const L = labels(lang);
  return { agree: L.verdictAgree, disagree: L.verdictDisagree, 'needs-information': L.verdictNeedsInfo }[
    verdict
  ];
}
