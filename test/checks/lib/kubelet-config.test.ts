// Unit tests of the kubelet settings resolver: configz, flag over file over defaults, and the source of each value.
import { describe, expect, it } from 'vitest';
import type { CheckParameters } from '../../../src/model/check.js';
import {
  EXAMPLE_KUBELET_CONFIG,
  exampleFacts,
  kubeletExample,
} from '../../../src/checks/lib/example-facts.js';
import {
  KUBELET_SETTINGS,
  kubeletFeatureGate,
  kubeletNodes,
  resolveSetting,
} from '../../../src/checks/lib/kubelet-config.js';

const params: CheckParameters = { paths: { kubeletConfig: EXAMPLE_KUBELET_CONFIG }, systemNamespaces: [] };
const only = (facts: ReturnType<typeof exampleFacts>) => {
  const nodes = kubeletNodes(facts, params);
  expect(nodes).toHaveLength(1);
  return nodes[0]!;
};

describe('resolveSetting', () => {
  it('takes configz as the effective config, with omitted fields as zero values', () => {
    const node = only(kubeletExample({ configz: { authentication: { anonymous: { enabled: false } } } }));
    expect(resolveSetting(node, 'anonymousAuth', KUBELET_SETTINGS.anonymousAuth)).toMatchObject({
      value: false,
      source: 'configz',
    });
    expect(resolveSetting(node, 'readOnlyPort', KUBELET_SETTINGS.readOnlyPort)).toMatchObject({
      value: 0,
      source: 'configz',
    });
  });

  it('lets a flag override the config file', () => {
    const node = only(kubeletExample({ configFile: { readOnlyPort: 0 }, args: ['--read-only-port=10255'] }));
    expect(resolveSetting(node, 'readOnlyPort', KUBELET_SETTINGS.readOnlyPort)).toMatchObject({
      value: 10255,
      source: 'flag',
    });
  });

  it('reads the config file, then its v1beta1 defaults', () => {
    const node = only(kubeletExample({ configFile: { authorization: { mode: 'AlwaysAllow' } } }));
    expect(resolveSetting(node, 'authorizationMode', KUBELET_SETTINGS.authorizationMode)).toMatchObject({
      value: 'AlwaysAllow',
      source: 'config-file',
    });
    expect(resolveSetting(node, 'anonymousAuth', KUBELET_SETTINGS.anonymousAuth)).toMatchObject({
      value: false,
      source: 'default',
    });
  });

  it('treats a zero duration in the file as the v1beta1 default, as kubeadm writes it', () => {
    const node = only(kubeletExample({ configFile: { streamingConnectionIdleTimeout: '0s' } }));
    expect(resolveSetting(node, 'timeout', KUBELET_SETTINGS.streamingConnectionIdleTimeout)).toMatchObject({
      value: '4h0m0s',
      source: 'default',
    });
  });

  it('uses the flag defaults when the kubelet runs without --config', () => {
    const node = only(kubeletExample({ args: ['--kubeconfig=/etc/kubernetes/kubelet.conf'] }));
    expect(resolveSetting(node, 'anonymousAuth', KUBELET_SETTINGS.anonymousAuth)).toMatchObject({
      value: true,
      source: 'default',
    });
    expect(resolveSetting(node, 'authorizationMode', KUBELET_SETTINGS.authorizationMode).value).toBe(
      'AlwaysAllow',
    );
    expect(resolveSetting(node, 'readOnlyPort', KUBELET_SETTINGS.readOnlyPort).value).toBe(10255);
  });

  it('is unknown when the config file content was not collected', () => {
    const node = only(kubeletExample({ args: ['--config=/etc/kubelet/config.yaml'] }));
    const setting = resolveSetting(node, 'readOnlyPort', KUBELET_SETTINGS.readOnlyPort);
    expect(setting.value).toBeUndefined();
    expect(setting.unknownBecause).toContain('/etc/kubelet/config.yaml');
  });

  it('merges feature gates gate by gate, flags over the file', () => {
    const node = only(
      kubeletExample({
        configFile: { featureGates: { A: true, RotateKubeletServerCertificate: true } },
        args: ['--feature-gates=RotateKubeletServerCertificate=false'],
      }),
    );
    expect(kubeletFeatureGate(node, 'RotateKubeletServerCertificate', true)).toMatchObject({
      value: false,
      source: 'flag',
    });
    expect(kubeletFeatureGate(node, 'A', false).value).toBe(true);
    expect(kubeletFeatureGate(node, 'Unnamed', true)).toMatchObject({ value: true, source: 'default' });
  });
});

describe('kubeletNodes', () => {
  it('joins node facts and configz by node name', () => {
    const facts = kubeletExample({ configFile: {}, configz: { readOnlyPort: 0 } });
    const nodes = kubeletNodes(facts, params);
    expect(nodes.map((n) => n.node)).toEqual(['worker']);
    expect(nodes[0]!.configz).toBeDefined();
    expect(nodes[0]!.config).toBeDefined();
  });

  it('finds no node without kubelet facts', () => {
    expect(kubeletNodes(exampleFacts(), params)).toEqual([]);
  });
});
