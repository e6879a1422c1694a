// Check: no container mounts a sensitive host directory (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr or below) read-write (Q/KXY 5.7.2.5, Annex A).
import type { JsonObject } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts, pod } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { definePodCheck } from '../lib/workload-check.js';
import { dig, isObject } from '../lib/workloads.js';

/** The directories Annex A's audit pattern names, plus the host root that holds them all. */
const SENSITIVE = ['/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr'];

function isSensitive(hostPath: string): boolean {
  const path = hostPath.replace(/\/+$/, '') || '/';
  return path === '/' || SENSITIVE.some((dir) => path === dir || path.startsWith(`${dir}/`));
}

/** Containers that mount `volume` without readOnly: true (a volume nobody mounts exposes nothing). */
function writableMounts(spec: JsonObject, volume: string): string[] {
  const found: string[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    const containers = Array.isArray(spec[list]) ? spec[list].filter(isObject) : [];
    for (const c of containers) {
      const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts.filter(isObject) : [];
      if (mounts.some((m) => m.name === volume && m.readOnly !== true))
        found.push(`${list}[${String(c.name ?? '')}]`);
    }
  }
  return found;
}

export default definePodCheck({
  id: 'workload-sensitive-host-paths',
  title: t(
    '容器不以读写方式挂载主机敏感目录',
    'Containers do not mount sensitive host directories read-write',
  ),
  remediation: t(
    '删除指向 /、/boot、/dev、/etc、/lib、/proc、/sys、/usr（或其下路径）的 hostPath 卷；确需挂载时在 volumeMounts 中设置 readOnly: true。',
    'Remove hostPath volumes at /, /boot, /dev, /etc, /lib, /proc, /sys or /usr (or below); where one is truly needed, set readOnly: true on its volumeMounts.',
  ),
  breach: t('以读写方式挂载了主机敏感目录', 'mount a sensitive host directory read-write'),
  path: 'spec.volumes[].hostPath.path with containers[].volumeMounts[].readOnly',
  expected: 'no read-write mount of /, /boot, /dev, /etc, /lib, /proc, /sys, /usr or below',
  inspect({ spec }): Finding[] {
    const volumes = Array.isArray(spec.volumes) ? spec.volumes.filter(isObject) : [];
    const findings: Finding[] = [];
    for (const volume of volumes) {
      const path = dig(volume, ['hostPath', 'path']);
      if (typeof path !== 'string' || !isSensitive(path)) continue;
      const name = String(volume.name ?? '');
      for (const where of writableMounts(spec, name))
        findings.push({ field: `${where}.volumeMounts[${name}] hostPath ${path}`, value: 'read-write' });
    }
    return findings;
  },
  examples: [
    {
      name: 'read-write /var/log/app is not a sensitive directory',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('app', 'shop', [{ volumeMounts: [{ name: 'logs', mountPath: '/logs' }] }], {
              volumes: [{ name: 'logs', hostPath: { path: '/var/log/app' } }],
            }),
          ],
        }),
    },
    {
      name: '/etc mounted read-only',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod(
              'agent',
              'monitoring',
              [{ volumeMounts: [{ name: 'etc', mountPath: '/host/etc', readOnly: true }] }],
              {
                volumes: [{ name: 'etc', hostPath: { path: '/etc' } }],
              },
            ),
          ],
        }),
    },
    {
      name: '/etc/kubernetes mounted read-write',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('agent', 'monitoring', [{ volumeMounts: [{ name: 'k', mountPath: '/k' }] }], {
              volumes: [{ name: 'k', hostPath: { path: '/etc/kubernetes' } }],
            }),
          ],
        }),
    },
    {
      name: 'the host root read-write',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('debug', 'ops', [{ volumeMounts: [{ name: 'root', mountPath: '/host', readOnly: false }] }], {
              volumes: [{ name: 'root', hostPath: { path: '/' } }],
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
