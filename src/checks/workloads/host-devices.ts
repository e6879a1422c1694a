// Check: no pod mounts the host's devices: a hostPath volume at /dev, below it, or the host root that holds it.
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
  title: t('不挂载主机设备（/dev）', 'Host devices (/dev) are not mounted'),
  remediation: t(
    '删除指向 /dev（或其下路径、或主机根目录 /）的 hostPath 卷；需要设备的工作负载应使用设备插件（device plugin）分配设备。',
    'Remove hostPath volumes that point at /dev, a path below it, or the host root /; workloads that need a device should get it from a device plugin.',
  ),
  breach: t('以 hostPath 挂载了主机设备', 'mount host devices through hostPath'),
  path: 'spec.volumes[].hostPath.path',
  expected: 'no hostPath at /dev, below it, or /',
  inspect({ spec }): Finding[] {
    const volumes = Array.isArray(spec.volumes) ? spec.volumes.filter(isObject) : [];
    const findings: Finding[] = [];
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
