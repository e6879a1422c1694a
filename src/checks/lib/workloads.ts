// Walks pods and the pod templates of workload controllers, so every workload check sees each spec once.
import type { CheckParameters, Offender } from '../../model/check.js';
import type { Facts, JsonObject, JsonValue, KubeObject } from '../../model/facts.js';
import { POD_TEMPLATE_PATHS } from '../../facts/kinds.js';
import { findObject, memo } from './index.js';

export interface PodSpecRef {
  object: KubeObject;
  spec: JsonObject;
}

export interface ContainerRef extends PodSpecRef {
  container: JsonObject;
  containerName: string;
  /** containers, initContainers or ephemeralContainers */
  list: string;
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

/** Kinds whose objects carry a pod spec: pods and the controllers with pod templates. */
export const WORKLOAD_KINDS: readonly string[] = ['Pod', ...Object.keys(POD_TEMPLATE_PATHS)];

/**
 * True when the object's controller is itself among the facts, so the controller's template speaks for it.
 * A ReplicaSet (or Job) that was not collected is matched to its Deployment (or CronJob) by name: the
 * controller names it `<parent>-<hash>`, so a snapshot with Deployments but no ReplicaSets still
 * reports each Deployment once rather than once per replica.
 */
function managedByCollected(facts: Facts, object: KubeObject): boolean {
  const owner = object.metadata.ownerReferences?.find((ref) => ref.controller);
  if (!owner || owner.kind === 'Node') return false;
  const ns = object.metadata.namespace;
  if (findObject(facts, owner.kind, ns, owner.name)) return true;
  const parentKind =
    owner.kind === 'ReplicaSet' ? 'Deployment' : owner.kind === 'Job' ? 'CronJob' : undefined;
  if (!parentKind) return false;
  const cut = owner.name.lastIndexOf('-');
  return cut > 0 && findObject(facts, parentKind, ns, owner.name.slice(0, cut)) !== undefined;
}

/**
 * Every pod spec once: pods not managed by a collected controller, then controller templates not managed
 * by another collected controller. Computed once per Facts.
 */
export function podSpecList(facts: Facts): readonly PodSpecRef[] {
  return memo(facts, 'workloads:podSpecs', () => {
    const refs: PodSpecRef[] = [];
    for (const pod of facts.kubernetes.objects.get('Pod') ?? []) {
      if (managedByCollected(facts, pod)) continue;
      if (isObject(pod.spec)) refs.push({ object: pod, spec: pod.spec });
    }
    for (const [kind, path] of Object.entries(POD_TEMPLATE_PATHS)) {
      for (const object of facts.kubernetes.objects.get(kind) ?? []) {
        if (managedByCollected(facts, object)) continue;
        const spec = dig(object as unknown as JsonValue, path);
        if (isObject(spec)) refs.push({ object, spec });
      }
    }
    return refs;
  });
}

export function containerList(facts: Facts): readonly ContainerRef[] {
  return memo(facts, 'workloads:containers', () => {
    const refs: ContainerRef[] = [];
    for (const ref of podSpecList(facts)) {
      for (const list of CONTAINER_LISTS) {
        const items = ref.spec[list];
        if (!Array.isArray(items)) continue;
        for (const container of items) {
          if (isObject(container))
            refs.push({ ...ref, container, containerName: String(container.name ?? ''), list });
        }
      }
    }
    return refs;
  });
}

/** Generator form kept for callers that iterate. */
export function* podSpecs(facts: Facts): Generator<PodSpecRef> {
  yield* podSpecList(facts);
}

export function* containers(facts: Facts): Generator<ContainerRef> {
  yield* containerList(facts);
}

export function isSystemNamespace(object: KubeObject, systemNamespaces: readonly string[]): boolean {
  return object.metadata.namespace !== undefined && systemNamespaces.includes(object.metadata.namespace);
}

/** Items outside the profile's system namespaces, with what was left out (the evidence says how many). */
export interface Scoped<T> {
  items: T[];
  excluded: number;
  /** The system namespaces that actually held excluded items. */
  excludedNamespaces: string[];
}

export function scope<T extends PodSpecRef>(refs: readonly T[], params: CheckParameters): Scoped<T> {
  const system = new Set(params.systemNamespaces);
  const items: T[] = [];
  const namespaces = new Set<string>();
  let excluded = 0;
  for (const ref of refs) {
    const ns = ref.object.metadata.namespace;
    if (ns !== undefined && system.has(ns)) {
      excluded++;
      namespaces.add(ns);
    } else {
      items.push(ref);
    }
  }
  return { items, excluded, excludedNamespaces: [...namespaces].sort() };
}

/** Security context fields a container inherits from the pod's securityContext when it does not set them. */
export type InheritedField =
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'runAsGroup'
  | 'seccompProfile'
  | 'seLinuxOptions'
  | 'windowsOptions'
  | 'appArmorProfile';

/**
 * The effective value of a container security setting: the container's own value wins, else the pod's
 * (Kubernetes applies the pod-level value to every container that leaves the field unset).
 * `path` starts with the inherited field, e.g. ['seccompProfile', 'type'] or ['windowsOptions', 'hostProcess'].
 */
export function effectiveSecurity(
  ref: ContainerRef,
  path: [InheritedField, ...string[]],
): { value: JsonValue | undefined; from: 'container' | 'pod' | undefined } {
  const own = dig(ref.container, ['securityContext', ...path]);
  if (own !== undefined && own !== null) return { value: own, from: 'container' };
  const inherited = dig(ref.spec, ['securityContext', ...path]);
  if (inherited !== undefined && inherited !== null) return { value: inherited, from: 'pod' };
  return { value: undefined, from: undefined };
}

/** The pod's annotations: a pod's own, or the template metadata of a controller (where legacy AppArmor/seccomp annotations live). */
export function podAnnotations(ref: PodSpecRef): Record<string, string> {
  if (ref.object.kind === 'Pod') return ref.object.metadata.annotations ?? {};
  const path = POD_TEMPLATE_PATHS[ref.object.kind];
  if (!path) return {};
  const found = dig(ref.object as unknown as JsonValue, [...path.slice(0, -1), 'metadata', 'annotations']);
  if (!isObject(found)) return {};
  return Object.fromEntries(
    Object.entries(found).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** Windows pods (spec.os.name or the OS node selector) have no Linux capabilities, seccomp or AppArmor. */
export function isWindows(spec: JsonObject): boolean {
  return (
    dig(spec, ['os', 'name']) === 'windows' || dig(spec, ['nodeSelector', 'kubernetes.io/os']) === 'windows'
  );
}

/** `containers[web].securityContext.privileged` */
export function containerField(ref: ContainerRef, field: string): string {
  return `${ref.list}[${ref.containerName}].${field}`;
}

export function offender(object: KubeObject, field: string, value: JsonValue, container?: string): Offender {
  return {
    kind: object.kind,
    ...(object.metadata.namespace !== undefined ? { namespace: object.metadata.namespace } : {}),
    name: object.metadata.name,
    ...(container !== undefined ? { container } : {}),
    field,
    value,
  };
}

export function dig(value: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A container's added or dropped capabilities, upper-cased without the CAP_ prefix (the runtime accepts both spellings). */
export function capabilities(ref: ContainerRef, which: 'add' | 'drop'): string[] {
  return strings(dig(ref.container, ['securityContext', 'capabilities', which])).map((c) =>
    c.toUpperCase().replace(/^CAP_/, ''),
  );
}

export function isPrivileged(ref: ContainerRef): boolean {
  return dig(ref.container, ['securityContext', 'privileged']) === true;
}

export interface TokenMount {
  /** true mounted, false not, undefined cannot tell (ServiceAccounts not collected). */
  mounted: boolean | undefined;
  serviceAccount: string;
  /** What decided it, for the evidence. */
  via: string;
}

/**
 * Whether a pod spec gets its service account's API token, as Kubernetes decides: the pod's
 * automountServiceAccountToken wins, else the ServiceAccount's, else true. A running pod shows the
 * answer directly: the admission plugin adds a projected `kube-api-access-*` volume when it mounts one.
 */
export function tokenMount(facts: Facts, ref: PodSpecRef): TokenMount {
  const serviceAccount =
    typeof ref.spec.serviceAccountName === 'string' && ref.spec.serviceAccountName
      ? ref.spec.serviceAccountName
      : typeof ref.spec.serviceAccount === 'string' && ref.spec.serviceAccount
        ? ref.spec.serviceAccount
        : 'default';
  const own = ref.spec.automountServiceAccountToken;
  if (typeof own === 'boolean')
    return { mounted: own, serviceAccount, via: `spec.automountServiceAccountToken: ${own}` };
  if (ref.object.kind === 'Pod') {
    const volumes = Array.isArray(ref.spec.volumes) ? ref.spec.volumes.filter(isObject) : [];
    const tokenVolume = volumes.find(
      (v) =>
        String(v.name ?? '').startsWith('kube-api-access-') ||
        (Array.isArray(dig(v, ['projected', 'sources'])) &&
          (dig(v, ['projected', 'sources']) as JsonValue[]).some(
            (s) => isObject(s) && isObject(s.serviceAccountToken),
          )),
    );
    if (tokenVolume)
      return { mounted: true, serviceAccount, via: `volume ${String(tokenVolume.name ?? '')}` };
  }
  const sa = findObject(facts, 'ServiceAccount', ref.object.metadata.namespace, serviceAccount);
  if (sa) {
    const fromSa = sa.automountServiceAccountToken;
    return fromSa === false
      ? { mounted: false, serviceAccount, via: 'ServiceAccount automountServiceAccountToken: false' }
      : {
          mounted: true,
          serviceAccount,
          via: `ServiceAccount automountServiceAccountToken: ${fromSa === true ? 'true' : 'unset (true)'}`,
        };
  }
  if (facts.kubernetes.collectedKinds.has('ServiceAccount'))
    return { mounted: true, serviceAccount, via: 'default (true)' };
  return { mounted: undefined, serviceAccount, via: 'ServiceAccounts not collected' };
}

/** A field of an object's body by path: `objectField(svc, ['spec', 'type'])`. */
export function objectField(object: KubeObject, path: readonly string[]): JsonValue | undefined {
  return dig(object as unknown as JsonValue, path);
}
