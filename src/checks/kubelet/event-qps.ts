// Check: the kubelet event rate is set to an acceptable level (eventRecordQPS >= 0: Q/KXY 5.6.5.4 names 0, CIS 4.2.8 audits >= 0).
import { t } from '../../model/text.js';
import { kubeletExample } from '../lib/example-facts.js';
import { defineKubeletCheck } from '../lib/kubelet-config.js';

export default defineKubeletCheck({
  id: 'kubelet-event-qps',
  title: t(
    'kubelet 事件记录速率设置恰当（eventRecordQPS）',
    'Kubelet eventRecordQPS is set to an appropriate level',
  ),
  expected: 'eventRecordQPS >= 0',
  settings: ['eventRecordQPS'],
  // 0 means "record every event, no rate limit": both standards accept it; only a negative value is invalid.
  test: (v) => typeof v.eventRecordQPS === 'number' && v.eventRecordQPS >= 0,
  remediation: t(
    '在 kubelet 配置文件中把 eventRecordQPS 设为 0（记录全部事件）或能记录所需事件的正数（默认 50）。',
    'Set eventRecordQPS in the kubelet config file to 0 (record every event) or a positive rate that captures the events you need (default 50).',
  ),
  examples: [
    { name: 'default 50', expect: 'pass', facts: () => kubeletExample({ configFile: {} }) },
    { name: '5 in configz', expect: 'pass', facts: () => kubeletExample({ configz: { eventRecordQPS: 5 } }) },
    {
      name: '0: every event recorded, which both standards accept',
      expect: 'pass',
      facts: () => kubeletExample({ configFile: { eventRecordQPS: 0 } }),
    },
    { name: '0 by flag', expect: 'pass', facts: () => kubeletExample({ args: ['--event-qps=0'] }) },
    { name: 'negative by flag', expect: 'fail', facts: () => kubeletExample({ args: ['--event-qps=-1'] }) },
    {
      name: 'negative in the config file',
      expect: 'fail',
      facts: () => kubeletExample({ configFile: { eventRecordQPS: -5 } }),
    },
  ],
});
