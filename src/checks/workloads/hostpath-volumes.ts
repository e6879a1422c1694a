// Check: no pod outside the provider's namespaces mounts a hostPath volume.
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { definePodCheck } from '../lib/workload-check.js';
import { dig, isObject } from '../lib/workloads.js';

export default definePodCheck({
  id: 'workload-hostpath-volumes',
  title: t('不使用 hostPath 卷', 'No hostPath volumes are used'),
  remediation: t(
    '用 PersistentVolumeClaim、emptyDir、ConfigMap 或 CSI 卷替代 hostPath；确需读取节点文件的代理应以只读方式挂载最小路径，并单独审批。',
    'Replace hostPath with a PersistentVolumeClaim, emptyDir, ConfigMap or CSI volume; agents that must read node files should mount the narrowest path read-only, with a recorded approval.',
  ),
  breach: t('挂载了 hostPath 卷', 'mount hostPath volumes'),
  path: 'spec.volumes[].hostPath',
  expected: 'no hostPath volumes',
  inspect({ spec }): Finding[] {
    const volumes = Array.isArray(spec.volumes) ? spec.volumes.filter(isObject) : [];
    return volumes
      .filter((v) => isObject(v.hostPath))
      .map((v) => ({
        field: `spec.volumes[${String(v.name ?? '')}].hostPath.path`,
        value: dig(v, ['hostPath', 'path']) ?? null,
      }));
  },
  examples: [
    {
      name: 'emptyDir and configMap only',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [{}], {
              volumes: [
                { name: 'tmp', emptyDir: {} },
                { name: 'cfg', configMap: { name: 'api' } },
              ],
            }),
          ],
        }),
    },
    {
      name: 'DaemonSet mounts /var/log from the host',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('DaemonSet', 'log-shipper', 'logging', {
              containers: [{ name: 'f', image: 'r/f:1' }],
              volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
