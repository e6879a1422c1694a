// Check: kube-controller-manager keeps the RotateKubeletServerCertificate feature gate on (default true).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { featureGate, hasFlag } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-controller-manager', args);

export default defineFlagCheck({
  id: 'controller-manager-rotate-kubelet-server-certificate',
  title: t(
    '控制器管理器未关闭 RotateKubeletServerCertificate 特性门控',
    'Controller manager keeps the RotateKubeletServerCertificate feature gate enabled',
  ),
  component: 'kube-controller-manager',
  flag: 'feature-gates',
  expected: 'RotateKubeletServerCertificate not false',
  test: (flags) => {
    const value = featureGate(flags, 'RotateKubeletServerCertificate', true);
    return {
      ok: value,
      observed: hasFlag(flags, 'feature-gates')
        ? `RotateKubeletServerCertificate=${value}`
        : 'not set (gate defaults to true)',
    };
  },
  remediation: t(
    '从 kube-controller-manager 的 --feature-gates 中删除 RotateKubeletServerCertificate=false。',
    'Remove RotateKubeletServerCertificate=false from --feature-gates of kube-controller-manager.',
  ),
  examples: [
    { name: 'absent: gate defaults to true', expect: 'pass', facts: () => run([]) },
    {
      name: 'set false among others',
      expect: 'fail',
      facts: () => run(['--feature-gates=Foo=true,RotateKubeletServerCertificate=false']),
    },
    {
      name: 'false then true: later wins',
      expect: 'pass',
      facts: () =>
        run([
          '--feature-gates=RotateKubeletServerCertificate=false',
          '--feature-gates=RotateKubeletServerCertificate=true',
        ]),
    },
  ],
});
