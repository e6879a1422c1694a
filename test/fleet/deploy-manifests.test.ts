// deploy/*.yaml validated against the Kubernetes API schema (kubernetes-models), and the CronJob's restricted pod security.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as coreV1 from 'kubernetes-models/v1';
import * as rbacV1 from 'kubernetes-models/rbac.authorization.k8s.io/v1';

const DEPLOY = join(import.meta.dirname, '..', '..', 'deploy');

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [key: string]: unknown;
}
type ModelClass = new (data: unknown) => { validate(): void };

// The API groups deploy/ uses; a manifest of another group fails the test until its models are added here.
const MODELS: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'batch/v1': batchV1,
  'rbac.authorization.k8s.io/v1': rbacV1,
};

/** `batch/v1` + `CronJob` → kubernetes-models' CronJob class, whose validate() checks the API schema. */
async function modelFor(apiVersion: string, kind: string): Promise<ModelClass> {
  const model = MODELS[apiVersion]?.[kind] as ModelClass | undefined;
  if (!model) throw new Error(`kubernetes-models has no ${apiVersion} ${kind}`);
  return model;
}

async function manifests(): Promise<{ file: string; doc: Manifest }[]> {
  const files = (await readdir(DEPLOY)).filter((f) => f.endsWith('.yaml')).sort();
  const all: { file: string; doc: Manifest }[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(await readFile(join(DEPLOY, file), 'utf8'))) {
      expect(document.errors, file).toEqual([]);
      all.push({ file, doc: document.toJS() as Manifest });
    }
  }
  return all;
}

describe('deploy/ manifests', () => {
  it('every object validates against the Kubernetes API schema', async () => {
    const all = await manifests();
    expect(all.map((m) => `${m.file}:${m.doc.kind}`)).toEqual(
      expect.arrayContaining([
        'cronjob.yaml:CronJob',
        'rbac.yaml:ClusterRole',
        'node-collector-job.yaml:Job',
        'node-collector-aks-daemonset.yaml:DaemonSet',
      ]),
    );
    for (const { file, doc } of all) {
      const Model = await modelFor(doc.apiVersion, doc.kind);
      expect(() => new Model(doc).validate(), `${file} ${doc.kind}/${doc.metadata.name}`).not.toThrow();
    }
  });

  it('the validator is real: a mistyped field is refused', async () => {
    const cronJob = (await manifests()).find((m) => m.doc.kind === 'CronJob')!.doc;
    const Model = await modelFor('batch/v1', 'CronJob');
    const broken = structuredClone(cronJob) as unknown as { spec: Record<string, unknown> };
    broken.spec.concurrencyPolicy = 7;
    expect(() => new Model(broken).validate()).toThrow(/concurrencyPolicy/);
    const noSchedule = structuredClone(cronJob) as unknown as { spec: Record<string, unknown> };
    delete noSchedule.spec.schedule;
    expect(() => new Model(noSchedule).validate()).toThrow(/schedule/);
  });

  it('the CronJob meets the restricted Pod Security Standard, with requests and limits', async () => {
    const cronJob = (await manifests()).find((m) => m.doc.kind === 'CronJob')!.doc as unknown as {
      spec: { jobTemplate: { spec: { template: { spec: PodSpec } } } };
    };
    interface Container {
      args: string[];
      securityContext: Record<string, unknown>;
      resources: { requests: Record<string, string>; limits: Record<string, string> };
    }
    interface PodSpec {
      serviceAccountName: string;
      securityContext: Record<string, unknown>;
      containers: Container[];
      hostPID?: boolean;
      volumes: Record<string, unknown>[];
    }
    const pod = cronJob.spec.jobTemplate.spec.template.spec;
    expect(pod.serviceAccountName).toBe('kube-evidence');
    expect(pod.hostPID).toBeUndefined();
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.volumes.every((v) => !('hostPath' in v))).toBe(true);
    for (const container of pod.containers) {
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(container.securityContext.capabilities).not.toHaveProperty('add');
      expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
      expect(container.args.slice(0, 2)).toEqual(['scan', '--in-cluster']);
    }
  });

  it('the RBAC stays read-only: no verb beyond get and list', async () => {
    const roles = (await manifests()).filter((m) => m.doc.kind === 'ClusterRole' || m.doc.kind === 'Role');
    const verbs = new Set(
      roles.flatMap((r) => (r.doc.rules as { verbs: string[] }[]).flatMap((x) => x.verbs)),
    );
    expect([...verbs].sort()).toEqual(['get', 'list']);
  });
});
