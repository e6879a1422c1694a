// Check: kube-apiserver has no insecure port: --insecure-port is 0, or absent where the default is 0 (Kubernetes 1.20 to 1.23; the flag is gone in 1.24).
import { t } from '../../model/text.js';
import { minorOf } from '../../evaluate/version-range.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[], version?: string) => {
  const facts = componentExample('kube-apiserver', args);
  if (version) facts.cluster.kubernetesVersion = version;
  return facts;
};

/** Before 1.20 an absent --insecure-port meant 8080; from 1.20 it meant 0. */
function defaultPort(version: string | undefined): number | undefined {
  const minor = minorOf(version);
  if (!minor) return undefined;
  return minor[0] > 1 || minor[1] >= 20 ? 0 : 8080;
}

export default defineFlagCheck({
  id: 'apiserver-insecure-port',
  title: t(
    'API 服务器关闭非安全端口（--insecure-port 为 0）',
    'API server --insecure-port is 0 (explicitly, or by the default of 1.20 and later)',
  ),
  component: 'kube-apiserver',
  flag: 'insecure-port',
  expected: '0 (absent is 0 from Kubernetes 1.20, 8080 before)',
  test: (flags, facts) => {
    const clusterVersion = facts.cluster.kubernetesVersion;
    const value = flagValue(flags, 'insecure-port');
    if (value !== undefined) return { ok: Number(value) === 0, observed: value };
    const port = defaultPort(clusterVersion);
    if (port === undefined)
      return {
        ok: undefined,
        observed: 'not set; the Kubernetes version, which decides the default, is unknown',
      };
    return { ok: port === 0, observed: `not set (defaults to ${port} on ${clusterVersion ?? '?'})` };
  },
  remediation: t(
    '在 1.24 以下版本的 kube-apiserver 中设置 --insecure-port=0（1.20 之前未设置时默认开启 8080 端口）。',
    'On kube-apiserver below 1.24 set --insecure-port=0 (before 1.20 an absent flag opened port 8080).',
  ),
  examples: [
    { name: 'absent on 1.22: default 0', expect: 'pass', facts: () => run([], '1.22.5') },
    { name: '0 on 1.19', expect: 'pass', facts: () => run(['--insecure-port=0'], '1.19.16') },
    { name: 'absent on 1.19: default 8080', expect: 'fail', facts: () => run([], '1.19.16') },
    { name: '8080', expect: 'fail', facts: () => run(['--insecure-port=8080'], '1.22.5') },
    { name: 'absent, version unknown', expect: 'manual', facts: () => run([]) },
  ],
});
