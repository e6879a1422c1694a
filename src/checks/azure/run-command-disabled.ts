// Check (AKS): `az aks command invoke` (run command) is disabled (apiServerAccessProfile.disableRunCommand).
import { t } from '../../model/text.js';
import { defineArmCheck } from '../lib/azure.js';
import { exampleFacts } from '../lib/example-facts.js';

const cluster = (disableRunCommand: boolean | undefined) =>
  exampleFacts({
    managedCluster: {
      name: 'c',
      kubernetesVersion: '1.33.2',
      apiServerAccessProfile: {
        enablePrivateCluster: true,
        ...(disableRunCommand === undefined ? {} : { disableRunCommand }),
      },
    },
  });

export default defineArmCheck({
  id: 'aks-run-command-disabled',
  title: t('已禁用 AKS 运行命令（command invoke）', 'AKS run command (command invoke) is disabled'),
  remediation: t(
    '执行 az aks update --disable-run-command，使持有 Azure 权限的人不能绕过网络限制在群集内运行命令。',
    'Run az aks update --disable-run-command so holders of Azure permissions cannot run commands inside the cluster past its network restrictions.',
  ),
  fields: [{ path: 'apiServerAccessProfile.disableRunCommand', expected: 'true' }],
  ok: ([disabled]) => disabled === true,
  passReason: t('已禁用运行命令', 'Run command is disabled'),
  failReason: t(
    '运行命令可用：有权限的 Azure 用户可绕过 API 服务器的网络限制在群集中执行命令',
    'Run command is available: Azure users with the permission can run commands in the cluster past the API server network restrictions',
  ),
  examples: [
    { name: 'disabled', expect: 'pass', facts: () => cluster(true) },
    { name: 'enabled', expect: 'fail', facts: () => cluster(false) },
    { name: 'absent (default: available)', expect: 'fail', facts: () => cluster(undefined) },
    { name: 'no ARM data', expect: 'manual', facts: () => exampleFacts() },
  ],
});
