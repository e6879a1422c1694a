// Check (Q/KXY 5.1.2.21, as the standard words it): the DenyServiceExternalIPs admission plugin is not enabled.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { admissionPlugins } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

// Q/KXY's table and Annex A say "not set" (CIS v1.7's wording); CIS v1.8 and later ask for the opposite,
// which apiserver-deny-service-external-ips checks. Each framework keeps its own reading.
export default defineFlagCheck({
  id: 'apiserver-deny-service-external-ips-not-set',
  title: t(
    '未启用 DenyServiceExternalIPs 准入插件（按 Q/KXY 原文）',
    'DenyServiceExternalIPs admission plugin is not enabled (as Q/KXY words it)',
  ),
  component: 'kube-apiserver',
  flag: ['enable-admission-plugins', 'disable-admission-plugins'],
  expected: 'DenyServiceExternalIPs not enabled (absent, or in --disable-admission-plugins)',
  test: (flags) => {
    const plugins = admissionPlugins(flags);
    return {
      ok: !plugins.enabled.has('DenyServiceExternalIPs'),
      observed: plugins.explain('DenyServiceExternalIPs'),
    };
  },
  remediation: t(
    '按标准附录 A：从 --enable-admission-plugins 中删除 DenyServiceExternalIPs，或把它加入 --disable-admission-plugins。',
    "Per the standard's Annex A: remove DenyServiceExternalIPs from --enable-admission-plugins, or add it to --disable-admission-plugins.",
  ),
  examples: [
    {
      name: 'absent: off by default',
      expect: 'pass',
      facts: () => run(['--enable-admission-plugins=NodeRestriction']),
    },
    {
      name: 'enabled and disabled: disable wins',
      expect: 'pass',
      facts: () =>
        run([
          '--enable-admission-plugins=DenyServiceExternalIPs',
          '--disable-admission-plugins=DenyServiceExternalIPs',
        ]),
    },
    {
      name: 'enabled',
      expect: 'fail',
      facts: () => run(['--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs']),
    },
  ],
});
