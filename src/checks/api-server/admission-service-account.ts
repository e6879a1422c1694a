// Check: the ServiceAccount admission plugin is not disabled (it is on by default).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { admissionPlugins } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-admission-service-account',
  title: t('未禁用 ServiceAccount 准入插件', 'ServiceAccount admission plugin is not disabled'),
  component: 'kube-apiserver',
  flag: ['enable-admission-plugins', 'disable-admission-plugins'],
  expected: 'ServiceAccount enabled',
  test: (flags) => {
    const plugins = admissionPlugins(flags);
    return { ok: plugins.enabled.has('ServiceAccount'), observed: plugins.explain('ServiceAccount') };
  },
  remediation: t(
    '从 kube-apiserver 的 --disable-admission-plugins 中删除 ServiceAccount。',
    'Remove ServiceAccount from --disable-admission-plugins of kube-apiserver.',
  ),
  examples: [
    {
      name: 'absent: on by default',
      expect: 'pass',
      facts: () => run(['--enable-admission-plugins=NodeRestriction']),
    },
    { name: 'disabled', expect: 'fail', facts: () => run(['--disable-admission-plugins=ServiceAccount']) },
    {
      name: 'enabled but disabled: disable wins',
      expect: 'fail',
      facts: () =>
        run([
          '--enable-admission-plugins=ServiceAccount',
          '--disable-admission-plugins=PodSecurity,ServiceAccount',
        ]),
    },
    {
      name: 'legacy --admission-control without it',
      expect: 'fail',
      facts: () => run(['--admission-control=NamespaceLifecycle,NodeRestriction']),
    },
  ],
});
