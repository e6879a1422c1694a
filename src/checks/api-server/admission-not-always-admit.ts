// Check: the AlwaysAdmit admission plugin is not enabled.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { admissionPlugins } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-admission-not-always-admit',
  title: t('未启用 AlwaysAdmit 准入插件', 'AlwaysAdmit admission plugin is not enabled'),
  component: 'kube-apiserver',
  flag: ['enable-admission-plugins', 'disable-admission-plugins'],
  expected: 'AlwaysAdmit not enabled',
  test: (flags) => {
    const plugins = admissionPlugins(flags);
    return { ok: !plugins.enabled.has('AlwaysAdmit'), observed: plugins.explain('AlwaysAdmit') };
  },
  remediation: t(
    '从 kube-apiserver 的 --enable-admission-plugins 中删除 AlwaysAdmit。',
    'Remove AlwaysAdmit from --enable-admission-plugins of kube-apiserver.',
  ),
  examples: [
    {
      name: 'absent: off by default',
      expect: 'pass',
      facts: () => run(['--enable-admission-plugins=NodeRestriction']),
    },
    {
      name: 'enabled',
      expect: 'fail',
      facts: () => run(['--enable-admission-plugins=AlwaysAdmit,NodeRestriction']),
    },
    {
      name: 'enabled then disabled: disable wins',
      expect: 'pass',
      facts: () => run(['--enable-admission-plugins=AlwaysAdmit', '--disable-admission-plugins=AlwaysAdmit']),
    },
  ],
});
