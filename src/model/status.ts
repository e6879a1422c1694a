// Result statuses and provider mappings, as defined in DESIGN.md, with their display labels.
import { t, type Text } from './text.js';

export const STATUSES = [
  'pass',
  'fail',
  'not-applicable',
  'equivalent-control',
  'provider-attested',
  'manual',
  'waived',
  'error',
] as const;
export type Status = (typeof STATUSES)[number];

/** How a provider profile changes a requirement. `environment-dependent` resolves to pass/fail/manual. */
export const MAPPINGS = [
  'assessed',
  'not-applicable',
  'equivalent-control',
  'environment-dependent',
  'provider-attested',
] as const;
export type Mapping = (typeof MAPPINGS)[number];

export const RESPONSIBILITIES = ['provider', 'customer', 'shared'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export const STATUS_LABELS: Record<Status, Text> = {
  pass: t('通过', 'Pass'),
  fail: t('不通过', 'Fail'),
  'not-applicable': t('不适用', 'Not applicable'),
  'equivalent-control': t('等效控制', 'Equivalent control'),
  'provider-attested': t('提供商证明', 'Provider-attested'),
  manual: t('人工核查', 'Manual'),
  waived: t('已豁免', 'Waived'),
  error: t('采集错误', 'Error'),
};

export const MAPPING_LABELS: Record<Mapping, Text> = {
  assessed: t('按事实评估', 'Assessed'),
  'not-applicable': t('不适用', 'Not applicable'),
  'equivalent-control': t('等效控制', 'Equivalent control'),
  'environment-dependent': t('取决于环境', 'Depends on environment'),
  'provider-attested': t('提供商证明', 'Provider-attested'),
};

export const RESPONSIBILITY_LABELS: Record<Responsibility, Text> = {
  provider: t('提供商', 'Provider'),
  customer: t('客户', 'Customer'),
  shared: t('共同', 'Shared'),
};

/** Statuses that count in the score: only observed automated results. */
export function countsInScore(status: Status): boolean {
  return status === 'pass' || status === 'fail';
}
