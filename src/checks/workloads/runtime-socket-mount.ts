// Check: no pod mounts the container runtime socket (docker, containerd, CRI-O), directly or through a parent directory.
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { definePodCheck } from '../lib/workload-check.js';
import { dig, isObject } from '../lib/workloads.js';

/** Runtime sockets as the common distributions place them; /var/run is a link to /run, so both spellings appear. */
const SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
  '/run/k3s/containerd/containerd.sock',
];

/** The socket a hostPath exposes: the socket itself, or any directory above it (`/`, `/run`, `/var/run/containerd`). */
function exposedSocket(hostPath: string): string | undefined {
  const path = hostPath.replace(/\/+$/, '') || '/';
  return SOCKETS.find((socket) => socket === path || path === '/' || socket.startsWith(`${path}/`));
}

export default definePodCheck({
  id: 'workload-runtime-socket-mount',
  title: t('不挂载容器运行时套接字', 'The container runtime socket is not mounted'),
  remediation: t(
    '删除指向 docker.sock、containerd.sock、crio.sock 或其上级目录（包括 /）的 hostPath 卷；持有运行时套接字即可在节点上以 root 启动任意容器。',
    'Remove hostPath volumes that point at docker.sock, containerd.sock, crio.sock or a directory above them (including /); whoever holds the runtime socket can start any container as root on the node.',
  ),
  breach: t(
    '挂载了容器运行时套接字或其上级目录',
    'mount the container runtime socket or a directory holding it',
  ),
  path: 'spec.volumes[].hostPath.path',
  expected: 'no hostPath at or above a runtime socket',
  inspect({ spec }): Finding[] {
    const volumes = Array.isArray(spec.volumes) ? spec.volumes.filter(isObject) : [];
    const findings: Finding[] = [];
    for (const volume of volumes) {
      const path = dig(volume, ['hostPath', 'path']);
      if (typeof path !== 'string') continue;
      const socket = exposedSocket(path);
      if (socket)
        findings.push({
          field: `spec.volumes[${String(volume.name ?? '')}].hostPath.path`,
          value: socket === path ? path : `${path} (holds ${socket})`,
        });
    }
    return findings;
  },
  examples: [
    {
      name: 'hostPath /var/log is not a socket',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod('logs', 'logging', [{}], { volumes: [{ name: 'l', hostPath: { path: '/var/log' } }] }),
          ],
        }),
    },
    {
      name: 'docker.sock mounted',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('ci-runner', 'ci', [{}], {
              volumes: [{ name: 'd', hostPath: { path: '/var/run/docker.sock' } }],
            }),
          ],
        }),
    },
    {
      name: 'the host root (/) holds every socket',
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
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
