// Runs every check's pass and fail examples: one table-driven test for the whole registry.
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/checks/index.js';
import type { CheckParameters } from '../../src/model/check.js';

const DEFAULT_PARAMS: CheckParameters = {
  paths: {
    apiserverManifest: '/etc/kubernetes/manifests/kube-apiserver.yaml',
    controllerManagerManifest: '/etc/kubernetes/manifests/kube-controller-manager.yaml',
    schedulerManifest: '/etc/kubernetes/manifests/kube-scheduler.yaml',
    etcdManifest: '/etc/kubernetes/manifests/etcd.yaml',
    cniConfDir: '/etc/cni/net.d',
    etcdDataDir: '/var/lib/etcd',
    adminConf: '/etc/kubernetes/admin.conf',
    schedulerConf: '/etc/kubernetes/scheduler.conf',
    controllerManagerConf: '/etc/kubernetes/controller-manager.conf',
    pkiDir: '/etc/kubernetes/pki',
    kubeletService: '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf',
    proxyKubeconfig: '/var/lib/kube-proxy/kubeconfig.conf',
    kubeletConf: '/etc/kubernetes/kubelet.conf',
    kubeletConfig: '/var/lib/kubelet/config.yaml',
  },
  systemNamespaces: [],
};

describe.each(ALL_CHECKS.map((check) => [check.id, check] as const))('check %s', (_id, check) => {
  it('has a pass and a fail example', () => {
    const statuses = check.examples.map((e) => e.expect);
    expect(statuses.length).toBeGreaterThan(0);
    // A check that can only ever ask a person (facts cannot show the answer) has no pass or fail case.
    if (!statuses.every((s) => s === 'manual')) {
      expect(statuses).toContain('pass');
      expect(statuses).toContain('fail');
    }
  });

  it.each(check.examples.map((e) => [e.name, e] as const))('example: %s', (_name, example) => {
    const params: CheckParameters = {
      ...DEFAULT_PARAMS,
      ...example.params,
      paths: { ...DEFAULT_PARAMS.paths, ...example.params?.paths },
    };
    const outcome = check.run({ facts: example.facts(), params });
    expect(outcome.status, outcome.reason.en).toBe(example.expect);
    expect(outcome.reason.zh.length).toBeGreaterThan(0);
    expect(outcome.reason.en.length).toBeGreaterThan(0);
    if (outcome.status === 'pass' || outcome.status === 'fail')
      expect(outcome.evidence.length).toBeGreaterThan(0);
  });
});
