// Check: the kubelet limits event creation (eventRecordQPS > 0; 0 means unlimited).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-event-qps',
  title: t(
    'kubelet 事件记录速率设置恰当（eventRecordQPS）',
    'Kubelet eventRecordQPS is set to an appropriate level',
  ),
  expected: 'eventRecordQPS > 0',
  settings: ['eventRecordQPS'],
  test: (v) => typeof v.eventRecordQPS === 'number' && v.eventRecordQPS > 0,
  remediation: t(
    '在 kubelet 配置文件中把 eventRecordQPS 设为既能记录所需事件又不会压垮 API 服务器的正数（默认 50）。',
    'Set eventRecordQPS in the kubelet config file to a positive rate that captures the events you need without flooding the API server (default 50).',
  ),
  examples: [
    { name: 'default 50', expect: 'pass', facts: () => kubeletExample({ configFile: {} }) },
    { name: '5 in configz', expect: 'pass', facts: () => kubeletExample({ configz: { eventRecordQPS: 5 } }) },
    {
      name: '0: unlimited',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: { eventRecordQPS: 0 } }),
    },
    { name: '0 by flag', expect: 'fail', facts: () => kubeletExample({ args: ['--event-qps=0'] }) },
  ],
});
