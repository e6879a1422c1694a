// Builds a workload's pod template (labels and a defaulted pod spec) from its plan, identically every time.
import type { JsonObject, JsonValue } from '../model/facts.js';
import { LANG_BASES, REGISTRIES, SIDECARS } from './names.js';
import type { WorkloadPlan } from './plan.js';
import { Prng } from './prng.js';
import { findPreset, type PresetContainer } from './system-workloads.js';

export interface PodTemplate {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: JsonObject;
}

/** The template the controller stamps onto its pods; rebuilt from the workload's seed. */
export function podTemplate(w: WorkloadPlan): PodTemplate {
  const rng = new Prng(w.seed);
  const preset = w.preset ? findPreset(w.namespace, w.name) : undefined;
  const labels: Record<string, string> = preset
    ? { 'k8s-app': w.name }
    : {
        app: w.name,
        'app.kubernetes.io/name': w.name,
        'app.kubernetes.io/part-of': w.namespace.split('-')[0]!,
        version: `v${rng.range(1, 9)}`,
      };
  const annotations: Record<string, string> = {};
  if (!preset && rng.chance(0.4)) {
    annotations['prometheus.io/scrape'] = 'true';
    annotations['prometheus.io/port'] = '9090';
  }
  const o = w.offences;
  // Hardening varies by team: some set a full restricted context, many set part of it, some nothing.
  const hardened = !preset && rng.chance(0.3);
  const partly = hardened || rng.chance(0.4);
  const containers = (preset ? preset.containers : appContainers(w, rng)).map((c, index) =>
    container(c, index === 0, { rng, o, hardened, partly, preset: preset !== undefined }),
  );

  const volumes: JsonValue[] = [];
  for (const [name, path] of Object.entries(
    preset?.hostPaths ??
      (o.hostPath
        ? { 'host-logs': rng.pick(['/var/log', '/var/run/docker.sock', '/etc', '/var/lib/kubelet']) }
        : {}),
  )) {
    volumes.push({ name, hostPath: { path, type: '' } });
    for (const c of containers)
      pushMount(c, { name, mountPath: `/host${path === '/' ? '/root' : path}`, readOnly: rng.chance(0.5) });
  }
  if (!preset && rng.chance(0.5)) {
    volumes.push({ name: 'config', configMap: { name: `${w.name}-config`, defaultMode: 420 } });
    pushMount(containers[0]!, { name: 'config', mountPath: '/etc/app', readOnly: true });
  }
  if (w.stateful) pushMount(containers[0]!, { name: 'data', mountPath: `/var/lib/${w.stateful.name}` });

  const spec: JsonObject = {
    containers,
    dnsPolicy: o.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    restartPolicy: w.kind === 'Job' || w.kind === 'CronJob' ? 'OnFailure' : 'Always',
    schedulerName: 'default-scheduler',
    securityContext: hardened
      ? { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } }
      : partly && rng.chance(0.5)
        ? { runAsNonRoot: true }
        : {},
    serviceAccountName: w.serviceAccount,
    serviceAccount: w.serviceAccount,
    terminationGracePeriodSeconds: 30,
  };
  if (o.hostNetwork) spec.hostNetwork = true;
  if (o.hostPID) spec.hostPID = true;
  if (volumes.length > 0) spec.volumes = volumes;
  if (hardened || rng.chance(0.15)) spec.automountServiceAccountToken = false;
  if (preset?.priorityClassName) spec.priorityClassName = preset.priorityClassName;
  if (w.kind === 'DaemonSet') spec.tolerations = [{ operator: 'Exists' }];
  else if (!preset && rng.chance(0.2)) spec.nodeSelector = { 'kubernetes.io/os': 'linux' };
  return { labels, annotations, spec };
}

interface ContainerContext {
  rng: Prng;
  o: WorkloadPlan['offences'];
  hardened: boolean;
  partly: boolean;
  preset: boolean;
}

function appContainers(w: WorkloadPlan, rng: Prng): PresetContainer[] {
  if (w.stateful)
    return [{ name: w.stateful.name, image: `${w.stateful.image}:${w.stateful.tag}`, port: w.stateful.port }];
  const registry = rng.pick(REGISTRIES);
  const tag = w.offences.latestImage
    ? rng.chance(0.7)
      ? 'latest'
      : ''
    : `${rng.range(1, 4)}.${rng.range(0, 30)}.${rng.range(0, 12)}`;
  const main: PresetContainer = {
    name: w.name.split('-').slice(1).join('-') || 'app',
    image: `${registry}/${w.namespace.split('-')[0]}/${w.name}${tag ? `:${tag}` : ''}`,
    port: rng.pick([8080, 8443, 3000, 5000, 9000]),
  };
  const list = [main];
  if (rng.chance(0.25)) list.push(rng.pick(SIDECARS));
  if (rng.chance(0.1)) list.push({ name: 'base-check', image: rng.pick(LANG_BASES) });
  return list;
}

function container(c: PresetContainer, main: boolean, ctx: ContainerContext): JsonObject {
  const { rng, o, hardened, partly } = ctx;
  const out: JsonObject = {
    name: c.name,
    image: c.image,
    imagePullPolicy: c.image.endsWith(':latest') || !/:[^/]+$/.test(c.image) ? 'Always' : 'IfNotPresent',
  };
  if (c.args) out.args = c.args;
  if (c.port)
    out.ports = [
      {
        containerPort: c.port,
        name: c.port === 53 ? 'dns' : 'http',
        protocol: c.port === 53 ? 'UDP' : 'TCP',
      },
    ];
  if (main && !ctx.preset) {
    out.env = [
      { name: 'LOG_LEVEL', value: rng.pick(['info', 'warn', 'debug']) },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      ...(o.secretInEnv
        ? [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: `${c.name}-db` } } }]
        : []),
    ];
    out.readinessProbe = {
      httpGet: { path: '/healthz', port: c.port ?? 8080, scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    };
  }
  const requests = { cpu: `${rng.pick([50, 100, 250, 500])}m`, memory: `${rng.pick([64, 128, 256, 512])}Mi` };
  out.resources = o.noLimits
    ? rng.chance(0.5)
      ? {}
      : { requests }
    : {
        limits: { cpu: rng.pick(['500m', '1', '2']), memory: rng.pick(['256Mi', '512Mi', '1Gi', '2Gi']) },
        requests,
      };
  const security: JsonObject = {};
  if (o.privileged) security.privileged = true;
  if (hardened) {
    Object.assign(security, {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
  } else if (partly) {
    security.allowPrivilegeEscalation = false;
    if (rng.chance(0.5)) security.capabilities = { drop: ['ALL'] };
  }
  if (o.addedCapabilities)
    security.capabilities = { add: [rng.pick(['NET_ADMIN', 'SYS_ADMIN', 'NET_RAW', 'SYS_PTRACE'])] };
  if (Object.keys(security).length > 0) out.securityContext = security;
  out.terminationMessagePath = '/dev/termination-log';
  out.terminationMessagePolicy = 'File';
  return out;
}

function pushMount(container: JsonObject, mount: JsonObject): void {
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
  mounts.push(mount);
  container.volumeMounts = mounts;
}
