// Check: every container sets allowPrivilegeEscalation: false (unset means the process may gain privileges).
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, dig } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-allow-privilege-escalation',
  title: t('容器禁止权限提升', 'Containers do not allow privilege escalation'),
  remediation: t(
    '在每个容器的 securityContext 中设置 allowPrivilegeEscalation: false；Pod 安全准入 restricted 级别会强制此设置。',
    'Set allowPrivilegeEscalation: false in every container securityContext; the Pod Security restricted level enforces it.',
  ),
  breach: t(
    '未禁止权限提升（allowPrivilegeEscalation 不为 false）',
    'leave privilege escalation allowed (allowPrivilegeEscalation not false)',
  ),
  path: 'containers[].securityContext.allowPrivilegeEscalation',
  expected: 'false on every container',
  linuxOnly: true,
  inspect(ref) {
    // The field has no pod-level equivalent; unset behaves as true (no_new_privs is not set).
    const value = dig(ref.container, ['securityContext', 'allowPrivilegeEscalation']);
    return value === false
      ? []
      : [{ field: containerField(ref, 'securityContext.allowPrivilegeEscalation'), value: value ?? null }];
  },
  examples: [
    {
      name: 'escalation disabled',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [pod('api', 'shop', [{ securityContext: { allowPrivilegeEscalation: false } }])],
        }),
    },
    {
      name: 'escalation explicitly allowed',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [pod('web', 'shop', [{ securityContext: { allowPrivilegeEscalation: true } }])],
        }),
    },
    {
      name: 'unset in a CronJob template (defaults to allowed)',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('CronJob', 'report', 'shop', { containers: [{ name: 'r', image: 'r/report:1' }] }),
          ],
        }),
    },
    {
      name: 'Windows pod is not applicable',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('iis', 'web', [{}], { os: { name: 'windows' } })] }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
