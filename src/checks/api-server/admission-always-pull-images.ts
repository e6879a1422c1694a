// Check: the AlwaysPullImages admission plugin is enabled.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { admissionPlugins } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-admission-always-pull-images',
  title: t('启用 AlwaysPullImages 准入插件', 'AlwaysPullImages admission plugin is enabled'),
  component: 'kube-apiserver',
  flag: ['enable-admission-plugins', 'disable-admission-plugins'],
  expected: 'AlwaysPullImages enabled',
  test: (flags) => {
    const plugins = admissionPlugins(flags);
    return { ok: plugins.enabled.has('AlwaysPullImages'), observed: plugins.explain('AlwaysPullImages') };
  },
  remediation: t(
    '在 kube-apiserver 的 --enable-admission-plugins 中加入 AlwaysPullImages（多租户集群尤其需要）。',
    'Add AlwaysPullImages to --enable-admission-plugins of kube-apiserver (most needed on multi-tenant clusters).',
  ),
  examples: [
    {
      name: 'enabled',
      expect: 'pass',
      facts: () => run(['--enable-admission-plugins=NodeRestriction,AlwaysPullImages']),
    },
    {
      name: 'absent: off by default',
      expect: 'fail',
      facts: () => run(['--enable-admission-plugins=NodeRestriction']),
    },
    {
      name: 'separate value form',
      expect: 'pass',
      facts: () => run(['--enable-admission-plugins', 'AlwaysPullImages']),
    },
  ],
});
