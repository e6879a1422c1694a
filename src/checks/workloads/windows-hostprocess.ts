// Check: no Windows container runs as a HostProcess container (windowsOptions.hostProcess, pod or container level).
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, effectiveSecurity } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-windows-hostprocess',
  title: t('不运行 Windows HostProcess 容器', 'No Windows HostProcess containers are run'),
  remediation: t(
    '删除 securityContext.windowsOptions.hostProcess: true（Pod 或容器级）；HostProcess 容器拥有节点的完全访问权限，只应由平台团队的节点组件使用。',
    'Remove securityContext.windowsOptions.hostProcess: true (pod or container level); a HostProcess container has full access to the node and belongs only to node components the platform team runs.',
  ),
  breach: t('以 Windows HostProcess 方式运行', 'run as Windows HostProcess containers'),
  path: 'securityContext.windowsOptions.hostProcess (container, else pod)',
  expected: 'unset or false',
  inspect(ref): Finding[] {
    const hostProcess = effectiveSecurity(ref, ['windowsOptions', 'hostProcess']);
    if (hostProcess.value !== true) return [];
    const field =
      hostProcess.from === 'pod'
        ? 'spec.securityContext.windowsOptions.hostProcess'
        : containerField(ref, 'securityContext.windowsOptions.hostProcess');
    return [{ field, value: true }];
  },
  examples: [
    {
      name: 'ordinary Windows pod',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('iis', 'web', [{}], { os: { name: 'windows' } })] }),
    },
    {
      name: 'hostProcess set at pod level is inherited by the container',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('csi-proxy', 'storage', [{}], {
              os: { name: 'windows' },
              hostNetwork: true,
              securityContext: { windowsOptions: { hostProcess: true } },
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
