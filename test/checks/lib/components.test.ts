// Unit tests of command-line discovery: node processes first, then kube-system pods (static pods, kube-proxy).
import { describe, expect, it } from 'vitest';
import { componentArgs, fileContent } from '../../../src/checks/lib/components.js';
import { componentExample, exampleFacts, pod } from '../../../src/checks/lib/example-facts.js';
import { flagValue } from '../../../src/checks/lib/flags.js';

describe('componentArgs', () => {
  it('reads node process facts with the node name', () => {
    const [args] = componentArgs(componentExample('kube-apiserver', ['--profiling=false']), 'kube-apiserver');
    expect(args?.node).toBe('cp');
    expect(flagValue(args!.flags, 'profiling')).toBe('false');
  });

  it('falls back to kube-system pods, including kube-proxy by its k8s-app label', () => {
    const proxy = pod(
      'kube-proxy-abcde',
      'kube-system',
      [{ command: ['/usr/local/bin/kube-proxy', '--metrics-bind-address=0.0.0.0:10249'] }],
      {
        nodeName: 'worker-1',
      },
    );
    proxy.metadata.labels = { 'k8s-app': 'kube-proxy' };
    const [args] = componentArgs(exampleFacts({ objects: [proxy] }), 'kube-proxy');
    expect(args?.node).toBe('worker-1');
    expect(args?.source).toBe('kubernetes-api');
    expect(flagValue(args!.flags, 'metrics-bind-address')).toBe('0.0.0.0:10249');
  });
});

describe('fileContent', () => {
  it('prefers the named node, then any node carrying the file', () => {
    const facts = exampleFacts({
      nodes: [
        { name: 'a', files: { '/p': { content: { from: 'a' } } } },
        { name: 'b', files: { '/p': { content: { from: 'b' } } } },
      ],
    });
    expect(fileContent(facts, '/p', 'b')?.node).toBe('b');
    expect(fileContent(facts, '/p')?.node).toBe('a');
    expect(fileContent(facts, '/missing')).toBeUndefined();
  });
});
