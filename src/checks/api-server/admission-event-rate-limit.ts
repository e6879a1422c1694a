// Check: the EventRateLimit admission plugin is enabled (it is off by default).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { admissionPlugins } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-admission-event-rate-limit',
  title: t('启用 EventRateLimit 准入插件', 'EventRateLimit admission plugin is enabled'),
  component: 'kube-apiserver',
  flag: ['enable-admission-plugins', 'disable-admission-plugins'],
  expected: 'EventRateLimit enabled',
  test: (flags) => {
    const plugins = admissionPlugins(flags);
    return { ok: plugins.enabled.has('EventRateLimit'), observed: plugins.explain('EventRateLimit') };
  },
  remediation: t(
    '编写 EventRateLimit 配置并通过 --admission-control-config-file 引用，然后在 --enable-admission-plugins 中加入 EventRateLimit。',
    'Write an EventRateLimit configuration, reference it with --admission-control-config-file, and add EventRateLimit to --enable-admission-plugins.',
  ),
  examples: [
    {
      name: 'enabled',
      expect: 'pass',
      facts: () =>
        run([
          '--enable-admission-plugins=NodeRestriction,EventRateLimit',
          '--admission-control-config-file=/etc/kubernetes/admission.yaml',
        ]),
    },
    {
      name: 'absent: off by default',
      expect: 'fail',
      facts: () => run(['--enable-admission-plugins=NodeRestriction']),
    },
  ],
});
