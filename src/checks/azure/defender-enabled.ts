// Check (AKS): Microsoft Defender for Containers is enabled on the cluster (securityProfile.defender.securityMonitoring).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (enabled: boolean | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.33.2',
      ...(enabled === undefined
        ? {}
        : {
            securityProfile: {
              defender: {
                logAnalyticsWorkspaceResourceId: '/subscriptions/s/workspaces/w',
                securityMonitoring: { enabled },
              },
            },
          }),
    },
  });

export default defineArmCheck({
  id: 'aks-defender-enabled',
  title: t(
    '已在群集上启用 Microsoft Defender for Containers',
    'Microsoft Defender for Containers is enabled on the cluster',
  ),
  remediation: t(
    '在订阅上启用 Defender for Containers 计划，并执行 az aks update --enable-defender 部署群集中的 Defender 传感器；镜像漏洞扫描在 Defender for Cloud 中查看。',
    'Enable the Defender for Containers plan on the subscription and run az aks update --enable-defender to deploy the Defender sensor; image vulnerability findings are shown in Defender for Cloud.',
  ),
  fields: [
    { path: 'securityProfile.defender.securityMonitoring.enabled', expected: 'true' },
    {
      path: 'securityProfile.defender.logAnalyticsWorkspaceResourceId',
      expected: 'a Log Analytics workspace',
    },
  ],
  ok: ([enabled]) => enabled === true,
  passReason: t(
    'Defender for Containers 的安全监控已在群集上启用',
    'Defender for Containers security monitoring is enabled on the cluster',
  ),
  failReason: t(
    '群集上未启用 Defender for Containers 的安全监控',
    'Defender for Containers security monitoring is not enabled on the cluster',
  ),
  examples: [
    { name: 'enabled', expect: 'pass', facts: () => cluster(true) },
    { name: 'disabled', expect: 'fail', facts: () => cluster(false) },
    { name: 'no defender profile', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
