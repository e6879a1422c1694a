// Check (AKS): Image Cleaner removes unused, vulnerable images from the nodes (securityProfile.imageCleaner.enabled).
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
        : { securityProfile: { imageCleaner: { enabled, intervalHours: 168 } } }),
    },
  });

export default defineArmCheck({
  id: 'aks-image-cleaner',
  title: t('已启用 Image Cleaner 清理节点上的过期镜像', 'Image Cleaner removes stale images from the nodes'),
  remediation: t(
    '执行 az aks update --enable-image-cleaner [--image-cleaner-interval-hours 168]，定期删除节点上未使用且有漏洞的镜像。',
    'Run az aks update --enable-image-cleaner [--image-cleaner-interval-hours 168] so unused, vulnerable images are removed from the nodes on a schedule.',
  ),
  fields: [
    { path: 'securityProfile.imageCleaner.enabled', expected: 'true' },
    { path: 'securityProfile.imageCleaner.intervalHours', expected: 'a scan interval (hours)' },
  ],
  ok: ([enabled]) => enabled === true,
  passReason: t('已启用 Image Cleaner', 'Image Cleaner is enabled'),
  failReason: t(
    '未启用 Image Cleaner：未使用的有漏洞镜像会留在节点上',
    'Image Cleaner is not enabled: unused vulnerable images stay on the nodes',
  ),
  examples: [
    { name: 'enabled', expect: 'pass', facts: () => cluster(true) },
    { name: 'disabled', expect: 'fail', facts: () => cluster(false) },
    { name: 'absent', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
