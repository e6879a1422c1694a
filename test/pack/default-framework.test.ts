// Without --framework, `report` picks the CIS Kubernetes version that covers the cluster and says so.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { runCli } from '../helpers/cli.js';

describe('report on a kubeadm 1.33 cluster with no --framework', () => {
  let dir: string;
  let assessment: Assessment;
  let code: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ke-default-framework-'));
    const snapshot = join(dir, 'snapshot');
    await cp('samples/kubeadm-lab', snapshot, { recursive: true });
    const versionFile = join(snapshot, 'kubernetes', 'version.json');
    const version = JSON.parse(await readFile(versionFile, 'utf8')) as {
      serverVersion: { minor: string; gitVersion: string };
    };
    version.serverVersion.minor = '33';
    version.serverVersion.gitVersion = 'v1.33.4';
    await writeFile(versionFile, JSON.stringify(version));
    const out = join(dir, 'pack');
    ({ code } = await runCli([
      'report',
      '--snapshot',
      snapshot,
      '--profile',
      'kubeadm',
      '--out',
      out,
      '--format',
      'json',
    ]));
    assessment = JSON.parse(await readFile(join(out, 'assessment.json'), 'utf8')) as Assessment;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('evaluates against CIS Kubernetes v1.12.0 and records why', () => {
    expect(code).toBe(1);
    expect(assessment.framework).toMatchObject({
      id: 'cis-kubernetes-1.12.0',
      kubernetesVersions: { min: '1.32', max: '1.34' },
    });
    expect(assessment.framework.selection?.en).toContain('1.33.4 is within 1.32–1.34');
    expect(assessment.framework.selection?.zh).toContain('按群集版本选择');
    expect(assessment.results).toHaveLength(131);
  });

  it('decides the rows v1.12.0 changed from the node facts', () => {
    const byId = (id: string) => assessment.results.find((r) => r.id === id)!;
    // 1.1.20 eased to 644: the kubeadm default 0644 ca.crt now passes; 4.2.14 is new.
    expect(byId('1.1.20').checks).toEqual(['file-pki-cert-mode-644']);
    expect(byId('4.2.14').checks).toEqual(['kubelet-seccomp-default']);
    expect(byId('4.2.14').status).toBe('fail');
    expect(byId('5.2.9').title.en).toBe('Minimize the admission of containers with capabilities assigned');
  });
});
