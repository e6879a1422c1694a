// Pods and workload controllers (Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs) from the plan.
import type { JsonObject, JsonValue } from '../model/facts.js';
import type { ClusterPlan, NodePlan, WorkloadPlan } from './plan.js';
import { podTemplate, type PodTemplate } from './pod-template.js';
import { KUBE_ALPHABET, Prng } from './prng.js';
import { daysAgo } from './time.js';
import { staticPods } from './static-pods.js';

/** A uid derived from a parent's, so owner references match without keeping a table of uids. */
export function derivedUid(base: string, salt: string): string {
  return new Prng(`${base}/${salt}`).uuid();
}

interface Owner {
  kind: string;
  name: string;
  uid: string;
  apiVersion: string;
}

function ownerRef(owner: Owner): JsonObject {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.name,
    uid: owner.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function meta(
  w: WorkloadPlan,
  name: string,
  uid: string,
  labels: Record<string, string>,
  extra: JsonObject = {},
): JsonObject {
  return {
    name,
    namespace: w.namespace,
    uid,
    resourceVersion: String(100000 + ((uid.charCodeAt(0) * 7919) % 900000)),
    generation: 1,
    creationTimestamp: daysAgo(w.createdDaysAgo),
    labels,
    ...extra,
  };
}

function templateOf(tpl: PodTemplate, extraLabels: Record<string, string> = {}): JsonObject {
  return {
    metadata: {
      labels: { ...tpl.labels, ...extraLabels },
      ...(Object.keys(tpl.annotations).length > 0 ? { annotations: tpl.annotations } : {}),
    },
    spec: tpl.spec,
  };
}

const selector = (tpl: PodTemplate): { matchLabels: Record<string, string> } => ({
  matchLabels: tpl.labels.app ? { app: tpl.labels.app } : { 'k8s-app': tpl.labels['k8s-app'] ?? '' },
});

const rsName = (w: WorkloadPlan, hash: string) => `${w.name}-${hash}`;
const cronJobRun = (w: WorkloadPlan) => `${w.name}-${29_000_000 + (w.uid.charCodeAt(1) % 60) * 30}`;

/** Controllers of one kind, as the API server lists them. */
export function* controllers(plan: ClusterPlan, kind: string): Generator<JsonObject> {
  for (const w of plan.workloads) {
    if (kind === 'ReplicaSet' && w.kind === 'Deployment') yield* replicaSets(w);
    else if (kind === 'Job' && (w.kind === 'Job' || w.kind === 'CronJob')) yield job(w);
    else if (w.kind === kind) yield controller(w, plan);
  }
}

function controller(w: WorkloadPlan, plan: ClusterPlan): JsonObject {
  const tpl = podTemplate(w);
  const labels = { ...tpl.labels };
  delete labels.version;
  const ready = w.replicas;
  switch (w.kind) {
    case 'Deployment':
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(w, w.name, w.uid, labels, {
          annotations: { 'deployment.kubernetes.io/revision': String(w.oldHashes.length + 1) },
        }),
        spec: {
          replicas: w.replicas,
          revisionHistoryLimit: 3,
          selector: selector(tpl),
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
          template: templateOf(tpl),
          progressDeadlineSeconds: 600,
        },
        status: {
          observedGeneration: 1,
          replicas: ready,
          readyReplicas: ready,
          availableReplicas: ready,
          updatedReplicas: ready,
          conditions: [
            { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
            { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
          ],
        },
      };
    case 'StatefulSet':
      return {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: meta(w, w.name, w.uid, labels),
        spec: {
          replicas: w.replicas,
          serviceName: w.name,
          podManagementPolicy: 'OrderedReady',
          selector: selector(tpl),
          template: templateOf(tpl),
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
          volumeClaimTemplates: [
            {
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: { name: 'data' },
              spec: {
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: '20Gi' } },
                storageClassName: 'managed-csi',
                volumeMode: 'Filesystem',
              },
            },
          ],
        },
        status: {
          observedGeneration: 1,
          replicas: ready,
          readyReplicas: ready,
          currentReplicas: ready,
          updatedReplicas: ready,
          availableReplicas: ready,
        },
      };
    case 'DaemonSet':
      return {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: meta(w, w.name, w.uid, labels),
        spec: {
          selector: selector(tpl),
          template: templateOf(tpl),
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
          revisionHistoryLimit: 10,
        },
        status: {
          currentNumberScheduled: plan.nodes.length,
          desiredNumberScheduled: plan.nodes.length,
          numberAvailable: plan.nodes.length,
          numberMisscheduled: 0,
          numberReady: plan.nodes.length,
          observedGeneration: 1,
          updatedNumberScheduled: plan.nodes.length,
        },
      };
    default:
      return {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: meta(w, w.name, w.uid, labels),
        spec: {
          schedule: `${w.uid.charCodeAt(2) % 60} ${w.uid.charCodeAt(3) % 24} * * *`,
          concurrencyPolicy: 'Forbid',
          successfulJobsHistoryLimit: 1,
          failedJobsHistoryLimit: 1,
          suspend: false,
          jobTemplate: { metadata: {}, spec: { backoffLimit: 2, template: templateOf(tpl) } },
        },
        status: { lastScheduleTime: daysAgo(0.3), lastSuccessfulTime: daysAgo(0.29) },
      };
  }
}

function* replicaSets(w: WorkloadPlan): Generator<JsonObject> {
  const tpl = podTemplate(w);
  const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name: w.name, uid: w.uid };
  const hashes = [...w.oldHashes, w.hash];
  for (const [index, hash] of hashes.entries()) {
    const current = hash === w.hash;
    const replicas = current ? w.replicas : 0;
    const labels = { ...tpl.labels, 'pod-template-hash': hash };
    yield {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta(w, rsName(w, hash), derivedUid(w.uid, hash), labels, {
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(w.replicas),
          'deployment.kubernetes.io/max-replicas': String(w.replicas + 1),
          'deployment.kubernetes.io/revision': String(index + 1),
        },
        ownerReferences: [ownerRef(owner)],
      }),
      spec: {
        replicas,
        selector: { matchLabels: { ...selector(tpl).matchLabels, 'pod-template-hash': hash } },
        template: templateOf(tpl, { 'pod-template-hash': hash }),
      },
      status: {
        replicas,
        fullyLabeledReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        observedGeneration: 1,
      },
    };
  }
}

function job(w: WorkloadPlan): JsonObject {
  const tpl = podTemplate(w);
  const name = w.kind === 'CronJob' ? cronJobRun(w) : w.name;
  const uid = w.kind === 'CronJob' ? derivedUid(w.uid, 'run') : w.uid;
  const owner: JsonObject =
    w.kind === 'CronJob'
      ? { ownerReferences: [ownerRef({ apiVersion: 'batch/v1', kind: 'CronJob', name: w.name, uid: w.uid })] }
      : {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(w, name, uid, { ...tpl.labels, 'batch.kubernetes.io/job-name': name }, owner),
    spec: {
      backoffLimit: 2,
      completions: 1,
      parallelism: 1,
      completionMode: 'NonIndexed',
      suspend: false,
      template: templateOf(tpl, { 'batch.kubernetes.io/job-name': name }),
    },
    status: {
      startTime: daysAgo(0.3),
      completionTime: daysAgo(0.29),
      succeeded: 1,
      ready: 0,
      conditions: [{ type: 'Complete', status: 'True' }],
    },
  };
}

/** Every pod of the cluster: controller-owned pods with scheduling and status, then static pods. */
export function* pods(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/pods`);
  for (const w of plan.workloads) {
    const tpl = podTemplate(w);
    // Generated names are unique in a namespace, as the API server makes them (it retries a taken suffix):
    // 5,000 kube-proxy pods drew the same 5-letter suffix twice, and the collector rightly refused the list.
    const taken = new Set<string>();
    const suffixed = (prefix: string): string => {
      let candidate = `${prefix}-${rng.text(5, KUBE_ALPHABET)}`;
      while (taken.has(candidate)) candidate = `${prefix}-${rng.text(5, KUBE_ALPHABET)}`;
      taken.add(candidate);
      return candidate;
    };
    for (let i = 0; i < w.replicas; i++) {
      const node = w.kind === 'DaemonSet' ? plan.nodes[i]! : pickNode(plan.nodes, rng);
      let name: string;
      let owner: Owner;
      let labels: Record<string, string> = tpl.labels;
      if (w.kind === 'Deployment') {
        owner = {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rsName(w, w.hash),
          uid: derivedUid(w.uid, w.hash),
        };
        name = suffixed(owner.name);
        labels = { ...labels, 'pod-template-hash': w.hash };
      } else if (w.kind === 'StatefulSet') {
        owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: w.name, uid: w.uid };
        name = `${w.name}-${i}`;
        labels = {
          ...labels,
          'apps.kubernetes.io/pod-index': String(i),
          'statefulset.kubernetes.io/pod-name': name,
        };
      } else if (w.kind === 'DaemonSet') {
        owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: w.name, uid: w.uid };
        name = suffixed(w.name);
        labels = { ...labels, 'controller-revision-hash': w.hash, 'pod-template-generation': '1' };
      } else {
        const jobName = w.kind === 'CronJob' ? cronJobRun(w) : w.name;
        owner = {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: jobName,
          uid: w.kind === 'CronJob' ? derivedUid(w.uid, 'run') : w.uid,
        };
        name = suffixed(jobName);
        labels = { ...labels, 'batch.kubernetes.io/job-name': jobName };
      }
      yield pod(w, tpl, { name, owner, labels, node, rng });
    }
  }
  yield* staticPods(plan);
}

function pickNode(nodes: readonly NodePlan[], rng: Prng): NodePlan {
  const workers = nodes.length > 3 && !nodes[0]!.controlPlane ? nodes : nodes.filter((n) => !n.controlPlane);
  return rng.pick(workers.length > 0 ? workers : nodes);
}

interface PodInstance {
  name: string;
  owner: Owner;
  labels: Record<string, string>;
  node: NodePlan;
  rng: Prng;
}

function pod(w: WorkloadPlan, tpl: PodTemplate, p: PodInstance): JsonObject {
  const { rng, node } = p;
  const finished = w.kind === 'Job' || w.kind === 'CronJob';
  const token = `kube-api-access-${rng.text(5, KUBE_ALPHABET)}`;
  const mount = { name: token, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true };
  const automount = tpl.spec.automountServiceAccountToken !== false;
  const containers = (tpl.spec.containers as JsonObject[]).map((c): JsonObject =>
    automount ? { ...c, volumeMounts: [...((c.volumeMounts as JsonValue[]) ?? []), mount] } : c,
  );
  const volumes = [...((tpl.spec.volumes as JsonValue[]) ?? [])];
  if (w.stateful) volumes.push({ name: 'data', persistentVolumeClaim: { claimName: `data-${p.name}` } });
  if (automount) volumes.push(projectedToken(token));
  const started = daysAgo(Math.min(w.createdDaysAgo, rng.next() * 30));
  const podIP = w.offences.hostNetwork ? node.ip : `10.244.${rng.int(256)}.${rng.range(2, 254)}`;
  const statuses = containers.map((c): JsonObject => ({
    name: c.name as string,
    image: c.image as string,
    imageID: `${String(c.image).replace(/:[^/:]*$/, '')}@sha256:${rng.text(64, '0123456789abcdef')}`,
    containerID: `containerd://${rng.text(64, '0123456789abcdef')}`,
    ready: !finished,
    started: !finished,
    restartCount: rng.chance(0.1) ? rng.range(1, 12) : 0,
    state: (finished
      ? { terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: started } }
      : { running: { startedAt: started } }) as JsonObject,
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      generateName:
        w.kind === 'StatefulSet' ? `${w.name}-` : `${p.name.slice(0, p.name.lastIndexOf('-') + 1)}`,
      namespace: w.namespace,
      uid: rng.uuid(),
      resourceVersion: String(rng.range(1_000_000, 99_999_999)),
      creationTimestamp: started,
      labels: p.labels,
      ...(Object.keys(tpl.annotations).length > 0 ? { annotations: tpl.annotations } : {}),
      ownerReferences: [ownerRef(p.owner)],
    },
    spec: {
      ...tpl.spec,
      containers,
      volumes,
      nodeName: node.name,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: tpl.spec.priorityClassName ? 2000000000 : 0,
      tolerations: tpl.spec.tolerations ?? [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
    },
    status: {
      phase: finished ? 'Succeeded' : 'Running',
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map((type) => ({
        type,
        status: finished && type.includes('Ready') ? 'False' : 'True',
        lastProbeTime: null,
        lastTransitionTime: started,
      })),
      hostIP: node.ip,
      hostIPs: [{ ip: node.ip }],
      ...(finished ? {} : { podIP, podIPs: [{ ip: podIP }] }),
      startTime: started,
      containerStatuses: statuses,
      qosClass: w.offences.noLimits ? 'Burstable' : 'Guaranteed',
    },
  };
}

function projectedToken(name: string): JsonObject {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
    },
  };
}
