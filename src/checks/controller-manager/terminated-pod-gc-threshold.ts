// Check: kube-controller-manager sets --terminated-pod-gc-threshold so terminated pods are collected.
import { t } from '../../model/text.js';
import { componentExample } from '../lib/example-facts.js';
import { defineFlagCheck } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';

const run = (args: string[]) => componentExample('kube-controller-manager', args);

export default defineFlagCheck({
  id: 'controller-manager-terminated-pod-gc-threshold',
  title: t(
    '控制器管理器设置终止 Pod 回收阈值（--terminated-pod-gc-threshold）',
    'Controller manager sets --terminated-pod-gc-threshold',
  ),
  component: 'kube-controller-manager',
  flag: 'terminated-pod-gc-threshold',
  expected: 'set, > 0',
  test: (flags) => {
    const value = flagValue(flags, 'terminated-pod-gc-threshold');
    return { ok: value !== undefined && Number(value) > 0, observed: value ?? 'not set (defaults to 12500)' };
  },
  remediation: t(
    '按集群规模在 kube-controller-manager 中设置 --terminated-pod-gc-threshold，例如 10。',
    'Set --terminated-pod-gc-threshold on kube-controller-manager to suit the cluster, for example 10.',
  ),
  examples: [
    { name: 'set to 10', expect: 'pass', facts: () => run(['--terminated-pod-gc-threshold=10']) },
    { name: 'absent', expect: 'fail', facts: () => run(['--use-service-account-credentials=true']) },
    { name: '0 disables collection', expect: 'fail', facts: () => run(['--terminated-pod-gc-threshold=0']) },
  ],
});
