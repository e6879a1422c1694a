// Check: the NamespaceLifecycle admission plugin is not disabled (it is on by default).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { admissionPlugins } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-admission-namespace-lifecycle',
  title: t('未禁用 NamespaceLifecycle 准入插件', 'NamespaceLifecycle admission plugin is not disabled'),
  component: 'kube-apiserver',
  flag: ['enable-admission-plugins', 'disable-admission-plugins'],
  expected: 'NamespaceLifecycle enabled',
  test: (flags) => {
    const plugins = admissionPlugins(flags);
    return { ok: plugins.enabled.has('NamespaceLifecycle'), observed: plugins.explain('NamespaceLifecycle') };
  },
  remediation: t(
    '从 kube-apiserver 的 --disable-admission-plugins 中删除 NamespaceLifecycle。',
    'Remove NamespaceLifecycle from --disable-admission-plugins of kube-apiserver.',
  ),
  examples: [
    { name: 'absent: on by default', expect: 'pass', facts: () => run([]) },
    {
      name: 'disabled',
      expect: 'fail',
      facts: () => run(['--disable-admission-plugins=NamespaceLifecycle']),
    },
  ],
});
