// Walks pods and the pod templates of workload controllers, so every workload check sees each spec once.
import type { Offender } from '../../model/check.js';
import type { Facts, JsonObject, JsonValue, KubeObject } from '../../model/facts.js';
import { POD_TEMPLATE_PATHS } from '../../facts/kinds.js';

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

/**
 * Every pod spec: pods not managed by a collected controller, then controller templates. A pod created
 * by a collected ReplicaSet/DaemonSet/… is skipped so the template is reported once, not once per replica.
 */
export function* podSpecs(facts: Facts): Generator<PodSpecRef> {
  const collected = facts.kubernetes.collectedKinds;
  const pods = facts.kubernetes.objects.get('Pod') ?? [];
  for (const pod of pods) {
    const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller);
    if (owner && collected.has(owner.kind) && owner.kind !== 'Node') continue;
    if (pod.spec && typeof pod.spec === 'object' && !Array.isArray(pod.spec)) yield { object: pod, spec: pod.spec as JsonObject };
  }
  for (const [kind, path] of Object.entries(POD_TEMPLATE_PATHS)) {
    for (const object of facts.kubernetes.objects.get(kind) ?? []) {
      const owner = object.metadata.ownerReferences?.find((ref) => ref.controller);
      if (owner && collected.has(owner.kind)) continue;
      const spec = dig(object as unknown as JsonValue, path);
      if (spec && typeof spec === 'object' && !Array.isArray(spec)) yield { object, spec };
    }
  }
}

export function* containers(facts: Facts): Generator<ContainerRef> {
  for (const ref of podSpecs(facts)) {
    for (const list of CONTAINER_LISTS) {
      const items = ref.spec[list];
      if (!Array.isArray(items)) continue;
      for (const container of items) {
        if (container && typeof container === 'object' && !Array.isArray(container)) {
          yield { ...ref, container, containerName: String(container.name ?? ''), list };
        }
      }
    }
  }
}

export function isSystemNamespace(object: KubeObject, systemNamespaces: string[]): boolean {
  return object.metadata.namespace !== undefined && systemNamespaces.includes(object.metadata.namespace);
}

export function offender(object: KubeObject, field: string, value: JsonValue, container?: string): Offender {
  return { kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name, container, field, value };
}

export function dig(value: JsonValue | undefined, path: string[]): JsonValue | undefined {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}
