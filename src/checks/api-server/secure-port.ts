// Check: kube-apiserver serves HTTPS on a valid port (--secure-port absent, default 6443, or 1-65535).
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-apiserver', args);

export default defineFlagCheck({
  id: 'apiserver-secure-port',
  title: t('API 服务器安全端口设置恰当（--secure-port）', 'API server --secure-port is not disabled'),
  component: 'kube-apiserver',
  flag: 'secure-port',
  expected: 'absent (6443) or an integer 1-65535',
  test: (flags) => {
    const value = flagValue(flags, 'secure-port');
    if (value === undefined) return { ok: true, observed: 'not set (defaults to 6443)' };
    const port = Number(value);
    return { ok: Number.isInteger(port) && port >= 1 && port <= 65535, observed: value };
  },
  remediation: t(
    '删除 --secure-port=0，或将其设为 1–65535 之间的端口（通常为 6443）。',
    'Remove --secure-port=0, or set it to a port between 1 and 65535 (usually 6443).',
  ),
  examples: [
    { name: '6443', expect: 'pass', facts: () => run(['--secure-port=6443']) },
    { name: 'absent: 6443', expect: 'pass', facts: () => run([]) },
    { name: '0 turns HTTPS off', expect: 'fail', facts: () => run(['--secure-port=0']) },
  ],
});
