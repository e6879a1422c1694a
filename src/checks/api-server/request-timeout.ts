// Check: kube-apiserver --request-timeout is the default (60s) or a reasonable bound.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue, parseGoDuration } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-request-timeout',
  title: t(
    'API 服务器请求超时（--request-timeout）设置恰当',
    'API server --request-timeout is set as appropriate',
  ),
  component: 'kube-apiserver',
  flag: 'request-timeout',
  expected: 'absent (60s) or between 1s and 300s',
  test: (flags) => {
    const value = flagValue(flags, 'request-timeout');
    if (value === undefined) return { ok: true, observed: 'not set (defaults to 60s)' };
    const seconds = parseGoDuration(value);
    if (seconds === undefined || seconds <= 0) return { ok: false, observed: value };
    return { ok: seconds <= 300 ? true : undefined, observed: value };
  },
  remediation: t(
    '保留默认的 60 秒，或仅在确有大请求需要时把 --request-timeout 调高到可说明理由的值。',
    'Keep the 60s default, or raise --request-timeout only as far as large requests justify.',
  ),
  examples: [
    { name: 'absent: 60s default', expect: 'pass', facts: () => run([]) },
    { name: '2m', expect: 'pass', facts: () => run(['--request-timeout=2m0s']) },
    { name: '0s: no bound', expect: 'fail', facts: () => run(['--request-timeout=0s']) },
    { name: '1h: a person decides', expect: 'manual', facts: () => run(['--request-timeout=1h']) },
  ],
});
