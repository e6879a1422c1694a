// Check: the DenyServiceExternalIPs admission plugin is enabled (it is off by default).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { admissionPlugins } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-deny-service-external-ips',
  title: t('启用 DenyServiceExternalIPs 准入插件', 'DenyServiceExternalIPs admission plugin is enabled'),
  component: 'kube-apiserver',
  flag: ['enable-admission-plugins', 'disable-admission-plugins'],
  expected: 'DenyServiceExternalIPs enabled',
  test: (flags) => {
    const plugins = admissionPlugins(flags);
    return {
      ok: plugins.enabled.has('DenyServiceExternalIPs'),
      observed: plugins.explain('DenyServiceExternalIPs'),
    };
  },
  remediation: t(
    '在 kube-apiserver 的 --enable-admission-plugins 中加入 DenyServiceExternalIPs（若确需 externalIPs，改用准入策略限定可用地址）。',
    'Add DenyServiceExternalIPs to --enable-admission-plugins of kube-apiserver (where externalIPs are truly needed, restrict them with an admission policy instead).',
  ),
  examples: [
    {
      name: 'enabled with others',
      expect: 'pass',
      facts: () => run(['--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs']),
    },
    {
      name: 'absent: off by default',
      expect: 'fail',
      facts: () => run(['--enable-admission-plugins=NodeRestriction']),
    },
    {
      name: 'enabled but also disabled: disable wins',
      expect: 'fail',
      facts: () =>
        run([
          '--enable-admission-plugins=DenyServiceExternalIPs',
          '--disable-admission-plugins=DenyServiceExternalIPs',
        ]),
    },
  ],
});
