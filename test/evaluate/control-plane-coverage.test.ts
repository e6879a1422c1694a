// A control-plane flag is decided when every node that may run the component was seen: a worker without node facts does not matter.
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { CHECKS_BY_ID } from '../../src/checks/index.js';
import { exampleFacts, kubeObject } from '../../src/checks/lib/example-facts.js';
import { runCheck } from '../../src/evaluate/run-checks.js';
import type { FactGap, KubeObject } from '../../src/model/facts.js';

const catalogue = await loadCatalogue();
const params = catalogue.profiles.get('kubeadm')!.parameters;
const anonymousAuth = CHECKS_BY_ID.get('apiserver-anonymous-auth')!;

const CONTROL_PLANE = { 'node-role.kubernetes.io/control-plane': '' };
const node = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  ...kubeObject('Node', name, undefined),
  metadata: { name, labels },
});
const apiServerPod = (nodeName: string): KubeObject => ({
  ...kubeObject('Pod', `kube-apiserver-${nodeName}`, 'kube-system', {
    spec: {
      nodeName,
      containers: [{ name: 'kube-apiserver', command: ['kube-apiserver', '--anonymous-auth=false'] }],
    },
  }),
  metadata: {
    name: `kube-apiserver-${nodeName}`,
    namespace: 'kube-system',
    labels: { component: 'kube-apiserver' },
  },
});
const unobserved = (name: string): FactGap => ({
  part: `node:${name}`,
  reason: `node ${name} has no node facts`,
});

function statusWith(nodes: KubeObject[], pods: KubeObject[], gaps: FactGap[]) {
  return runCheck(anonymousAuth, { facts: exampleFacts({ objects: [...nodes, ...pods], gaps }), params });
}

describe('control-plane flags and nodes without node facts', () => {
  it('a worker without node facts does not hide the API server seen in its static pod', () => {
    const outcome = statusWith(
      [node('cp-1', CONTROL_PLANE), node('worker-1')],
      [apiServerPod('cp-1')],
      [unobserved('cp-1'), unobserved('worker-1')],
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence[0]!.path).toContain('pod kube-system/kube-apiserver-cp-1');
  });

  it('a second control-plane node without node facts and without a seen static pod leaves the flag unobserved', () => {
    const outcome = statusWith(
      [node('cp-1', CONTROL_PLANE), node('cp-2', CONTROL_PLANE)],
      [apiServerPod('cp-1')],
      [unobserved('cp-2')],
    );
    expect(outcome.status).toBe('error');
    expect(outcome.reason.en).toContain('node:cp-2');
  });

  it('without control-plane labels every node may run the API server', () => {
    const outcome = statusWith([node('a'), node('b')], [apiServerPod('a')], [unobserved('b')]);
    expect(outcome.status).toBe('error');
  });

  it('an unknown node list leaves it unobserved', () => {
    const outcome = statusWith(
      [],
      [apiServerPod('a')],
      [{ part: 'node:(node list)', reason: 'no Node list' }],
    );
    expect(outcome.status).toBe('error');
  });

  it('a failing flag on a seen node stands whatever else is missing', () => {
    const failing = apiServerPod('cp-1');
    (failing.spec as { containers: { command: string[] }[] }).containers[0]!.command = [
      'kube-apiserver',
      '--anonymous-auth=true',
    ];
    const outcome = statusWith(
      [node('cp-1', CONTROL_PLANE), node('cp-2', CONTROL_PLANE)],
      [failing],
      [unobserved('cp-2')],
    );
    expect(outcome.status).toBe('fail');
  });
});
