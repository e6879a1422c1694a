// Check: the NodeRestriction admission plugin is enabled.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { admissionPlugins } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-admission-node-restriction',
  title: t('启用 NodeRestriction 准入插件', 'NodeRestriction admission plugin is enabled'),
  component: 'kube-apiserver',
  flag: ['enable-admission-plugins', 'disable-admission-plugins'],
  expected: 'NodeRestriction enabled',
  test: (flags) => {
    const plugins = admissionPlugins(flags);
    return { ok: plugins.enabled.has('NodeRestriction'), observed: plugins.explain('NodeRestriction') };
  },
  remediation: t(
    '在 kube-apiserver 的 --enable-admission-plugins 中加入 NodeRestriction，并确保 --authorization-mode 包含 Node。',
    'Add NodeRestriction to --enable-admission-plugins of kube-apiserver, with Node in --authorization-mode.',
  ),
  examples: [
    { name: 'enabled', expect: 'pass', facts: () => run(['--enable-admission-plugins=NodeRestriction']) },
    { name: 'absent: off by default', expect: 'fail', facts: () => run(['--authorization-mode=Node,RBAC']) },
    {
      name: 'disabled after enabling',
      expect: 'fail',
      facts: () =>
        run(['--enable-admission-plugins=NodeRestriction', '--disable-admission-plugins=NodeRestriction']),
    },
  ],
});
