// Check: no pod shares the host's devices: a privileged container (it sees every host device), or a hostPath at /dev, below it, or the host root.
import type { JsonValue } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { definePodCheck } from '../lib/workload-check.js';
import { dig, isObject } from '../lib/workloads.js';

/** `/dev`, `/dev/sda`, `/dev/` and `/` (container runtimes bind-mount recursively, so / brings /dev along). */
function exposesDevices(hostPath: string): boolean {
  const path = hostPath.replace(/\/+$/, '') || '/';
  return path === '/' || path === '/dev' || path.startsWith('/dev/');
}

export default definePodCheck({
  id: 'workload-host-devices',
  title: t(
    '容器不共享主机设备（特权容器或挂载 /dev）',
    'Containers do not share host devices (privileged, or /dev mounted)',
  ),
  remediation: t(
    '不以特权模式运行容器，删除指向 /dev（或其下路径、或主机根目录 /）的 hostPath 卷；需要设备的工作负载应使用设备插件（device plugin）分配设备。',
    'Do not run containers privileged, and remove hostPath volumes that point at /dev, a path below it, or the host root /; workloads that need a device should get it from a device plugin.',
  ),
  breach: t('共享了主机设备', 'share host devices'),
  path: 'spec.volumes[].hostPath.path, containers[].securityContext.privileged',
  expected: 'no privileged container; no hostPath at /dev, below it, or /',
  inspect({ spec }): Finding[] {
    const volumes = Array.isArray(spec.volumes) ? spec.volumes.filter(isObject) : [];
    const findings: Finding[] = [];
    // A privileged container gets every host device in its /dev, with no volume needed.
    for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
      const containers = Array.isArray(spec[list]) ? (spec[list] as JsonValue[]).filter(isObject) : [];
      for (const c of containers)
        if (dig(c, ['securityContext', 'privileged']) === true)
          findings.push({
            field: `${list}[${String(c.name ?? '')}].securityContext.privileged`,
            value: true,
          });
    }
    for (const volume of volumes) {
      const path = dig(volume, ['hostPath', 'path']);
      if (typeof path === 'string' && exposesDevices(path))
        findings.push({ field: `spec.volumes[${String(volume.name ?? '')}].hostPath.path`, value: path });
    }
    return findings;
  },
  examples: [
    {
      name: 'hostPath /var/log is not a device path',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('logs', 'logging', [{}], { volumes: [{ name: 'l', hostPath: { path: '/var/log' } }] }),
          ],
        }),
    },
    {
      name: '/dev/ttyUSB0 mounted',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('modem', 'iot', [{}], {
              volumes: [{ name: 'tty', hostPath: { path: '/dev/ttyUSB0', type: 'CharDevice' } }],
            }),
          ],
        }),
    },
    {
      name: 'a DaemonSet mounting the host root',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('DaemonSet', 'node-exporter', 'monitoring', {
              containers: [{ name: 'e', image: 'r/e:1' }],
              volumes: [{ name: 'root', hostPath: { path: '/' } }],
            }),
          ],
        }),
    },
    {
      name: 'a privileged container sees every host device',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [pod('driver', 'gpu', [{ securityContext: { privileged: true } }])] }),
    },
    {
      name: 'privileged: false',
      expect: 'pass',
      facts: () =>
        exampleFacts({ objects: [pod('api', 'shop', [{ securityContext: { privileged: false } }])] }),
    },
    {
      name: '/devices is not /dev',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [pod('x', 'shop', [{}], { volumes: [{ name: 'd', hostPath: { path: '/devices' } }] })],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
