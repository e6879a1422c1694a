// A requirement the standard limits to some Kubernetes versions is not applicable outside them; inside, its checks decide.
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { componentExample } from '../../src/checks/lib/example-facts.js';
import { evaluate } from '../../src/evaluate/evaluate.js';

async function insecurePort(version: string | undefined, args: string[]) {
  const facts = componentExample('kube-apiserver', args);
  if (version) facts.cluster.kubernetesVersion = version;
  const assessment = evaluate(facts, await loadCatalogue(), {
    framework: 'q-kxy-cs001-2023',
    profile: 'kubeadm',
    now: new Date('2026-11-25T00:00:00Z'),
  });
  return assessment.results.find((r) => r.id === '5.1.4.5')!;
}

describe('Q/KXY 5.1.4.5 (--insecure-port, below Kubernetes 1.24)', () => {
  it('is not applicable on 1.31, whatever the flags say', async () => {
    const result = await insecurePort('v1.31.2', ['--insecure-port=8080']);
    expect(result.status).toBe('not-applicable');
    expect(result.reason.en).toContain('< 1.24');
  });
  it('passes on 1.22 with the flag absent (default 0 from 1.20)', async () => {
    expect((await insecurePort('v1.22.17', [])).status).toBe('pass');
  });
  it('fails on 1.19 with the flag absent (default 8080)', async () => {
    expect((await insecurePort('v1.19.16', [])).status).toBe('fail');
  });
  it('is decided by the checks when the version is unknown', async () => {
    expect((await insecurePort(undefined, ['--insecure-port=8080'])).status).toBe('fail');
  });
});
