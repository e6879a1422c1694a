// Check: kube-apiserver talks to kubelets over HTTPS (--kubelet-https absent or true; removed in 1.22).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue, parseGoBool } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-kubelet-https',
  title: t(
    'API 服务器通过 HTTPS 访问 kubelet（--kubelet-https）',
    'API server uses HTTPS for kubelet connections (--kubelet-https)',
  ),
  component: 'kube-apiserver',
  flag: 'kubelet-https',
  expected: 'absent or true',
  test: (flags) => {
    const value = flagValue(flags, 'kubelet-https');
    return { ok: value === undefined || parseGoBool(value) === true, observed: value ?? 'not set (HTTPS)' };
  },
  remediation: t(
    '从 kube-apiserver 启动参数中删除 --kubelet-https=false。',
    'Remove --kubelet-https=false from the kube-apiserver arguments.',
  ),
  examples: [
    { name: 'absent', expect: 'pass', facts: () => run([]) },
    { name: 'false', expect: 'fail', facts: () => run(['--kubelet-https=false']) },
  ],
});
