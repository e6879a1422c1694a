// Check (NSA/CISA 4.2): audit events leave the node: kube-apiserver sends them to a webhook backend (local rotation keeps nothing off-node).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-audit-log-off-node',
  title: t(
    '审计日志持久保存到节点之外（审计 Webhook 后端）',
    'Audit logs are persisted off the node (audit webhook backend)',
  ),
  component: 'kube-apiserver',
  flag: ['audit-webhook-config-file', 'audit-log-path'],
  expected: '--audit-webhook-config-file set (or a log shipper a person confirms)',
  test: (flags) => {
    const webhook = flagValue(flags, 'audit-webhook-config-file');
    if (webhook) return { ok: true, observed: `--audit-webhook-config-file=${webhook}` };
    const path = flagValue(flags, 'audit-log-path');
    // No backend at all: there is nothing to persist anywhere.
    if (!path) return { ok: false, observed: 'no audit backend (neither webhook nor log file)' };
    // A file backend may still be shipped off the node by an agent, which the flags cannot show.
    return { ok: undefined, observed: `no webhook; --audit-log-path=${path}` };
  },
  remediation: t(
    '为 kube-apiserver 配置审计 Webhook 后端（--audit-webhook-config-file），或用日志采集代理把审计日志文件实时转发到集中的日志/SIEM 系统。',
    'Give kube-apiserver an audit webhook backend (--audit-webhook-config-file), or forward the audit log file in real time to a central log store or SIEM with a log shipper.',
  ),
  examples: [
    {
      name: 'webhook backend',
      expect: 'pass',
      facts: () => run(['--audit-webhook-config-file=/etc/kubernetes/audit-webhook.yaml']),
    },
    {
      name: 'file backend only: whether a shipper forwards it needs a person',
      expect: 'manual',
      facts: () => run(['--audit-log-path=/var/log/audit.log']),
    },
    { name: 'no audit backend at all', expect: 'fail', facts: () => run([]) },
  ],
});
