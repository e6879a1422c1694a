// Check (AKS): control-plane audit logs (kube-audit or kube-audit-admin) are exported by a diagnostic setting.
import type { Check } from '../../model/check.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { fail, manual, pass } from '../lib/outcome.js';

const AUDIT_CATEGORIES = ['kube-audit', 'kube-audit-admin'];

const check: Check = {
  id: 'aks-audit-logs-exported',
  title: t(
    '控制平面审计日志（kube-audit）已通过诊断设置导出',
    'Control-plane audit logs (kube-audit) are exported by a diagnostic setting',
  ),
  component: 'azure',
  needs: ['azure:diagnosticSettings'],
  remediation: t(
    '为群集资源创建诊断设置，将 kube-audit 或 kube-audit-admin 日志发送到 Log Analytics 工作区或存储账户，并在目标上设置保留期（至少 30 天）。',
    'Create a diagnostic setting on the cluster resource that sends kube-audit or kube-audit-admin to a Log Analytics workspace or storage account, and set retention (30 days or more) on that destination.',
  ),
  run({ facts }) {
    const settings = facts.azure.diagnosticSettings;
    const origin = facts.origins.get('azure:diagnosticSettings');
    if (!settings)
      return manual(
        t(
          '快照中没有诊断设置（azure/diagnostic-settings.json）',
          'The snapshot holds no diagnostic settings (azure/diagnostic-settings.json)',
        ),
      );
    const exporting = settings.filter(
      (s) =>
        (s.workspaceId || s.storageAccountId || s.eventHubAuthorizationRuleId) &&
        s.logs.some(
          (l) =>
            l.enabled &&
            (AUDIT_CATEGORIES.includes(l.category ?? '') ||
              l.categoryGroup === 'audit' ||
              l.categoryGroup === 'allLogs'),
        ),
    );
    const evidence = settings.map((s) => ({
      source: origin?.source === 'snapshot' ? ('snapshot' as const) : ('azure-arm' as const),
      path: `azure:diagnosticSettings[${s.name}]`,
      observed: {
        destination: s.workspaceId ?? s.storageAccountId ?? s.eventHubAuthorizationRuleId ?? null,
        enabled: s.logs.filter((l) => l.enabled).map((l) => l.category ?? `group:${l.categoryGroup}`),
      },
      expected: 'kube-audit or kube-audit-admin enabled, sent to a workspace, storage account or event hub',
      time: origin?.time ?? facts.collectedAt,
      file: origin?.file,
    }));
    return exporting.length > 0
      ? pass(
          t(
            `审计日志由诊断设置 ${exporting.map((s) => s.name).join('、')} 导出`,
            `Audit logs are exported by diagnostic setting ${exporting.map((s) => s.name).join(', ')}`,
          ),
          evidence,
        )
      : fail(
          t(
            '没有诊断设置导出 kube-audit 或 kube-audit-admin 日志',
            'No diagnostic setting exports kube-audit or kube-audit-admin logs',
          ),
          evidence,
        );
  },
  examples: [
    {
      name: 'kube-audit-admin to a workspace',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          diagnosticSettings: [
            {
              name: 'audit',
              workspaceId: '/subscriptions/s/workspaces/w',
              logs: [{ category: 'kube-audit-admin', enabled: true }],
            },
          ],
        }),
    },
    {
      name: 'only kube-apiserver logs',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          diagnosticSettings: [
            {
              name: 'ops',
              workspaceId: '/subscriptions/s/workspaces/w',
              logs: [
                { category: 'kube-apiserver', enabled: true },
                { category: 'kube-audit', enabled: false },
              ],
            },
          ],
        }),
    },
    { name: 'no diagnostic settings file', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
