// Finds installed components (CNI, policy engines, secret stores) by object names, container images, webhooks and CRDs.
import type { Evidence } from '../../model/check.js';
import type { Facts, KubeObject } from '../../model/facts.js';
import { isCollected, kubeEvidence, memo, objectsOf } from './index.js';
import { isObject, objectField } from './workloads.js';

const COMPONENT_KINDS = ['DaemonSet', 'Deployment', 'StatefulSet', 'Pod'];

interface Searchable {
  object: KubeObject;
  /** Lower-case name and images, one string per object, built once per Facts. */
  text: string;
}

function searchable(facts: Facts): Searchable[] {
  return memo(facts, 'inventory:searchable', () => {
    const list: Searchable[] = [];
    for (const kind of COMPONENT_KINDS) {
      for (const object of objectsOf(facts, kind)) {
        const path = kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
        const images: string[] = [];
        for (const listName of ['initContainers', 'containers']) {
          const items = objectField(object, [...path, listName]);
          if (Array.isArray(items))
            for (const c of items) if (isObject(c) && typeof c.image === 'string') images.push(c.image);
        }
        list.push({ object, text: `${object.metadata.name} ${images.join(' ')}`.toLowerCase() });
      }
    }
    return list;
  });
}

/** Workload objects (DaemonSets, Deployments, StatefulSets, Pods) whose name or image matches; one sighting per namespace/name. */
export function findWorkloads(facts: Facts, pattern: RegExp): KubeObject[] {
  const found = new Map<string, KubeObject>();
  for (const item of searchable(facts)) {
    if (!pattern.test(item.text)) continue;
    // Replicas of one controller count once: a pod is keyed by its controller.
    const owner = item.object.metadata.ownerReferences?.find((ref) => ref.controller);
    const key = `${item.object.metadata.namespace ?? ''}/${owner ? `${owner.kind}/${owner.name}` : `${item.object.kind}/${item.object.metadata.name}`}`;
    if (!found.has(key)) found.set(key, item.object);
  }
  return [...found.values()];
}

export function workloadKindsCollected(facts: Facts): boolean {
  return COMPONENT_KINDS.some((kind) => isCollected(facts, kind));
}

/** Validating and mutating webhook configurations whose own name or any webhook name matches. */
export function findWebhooks(facts: Facts, pattern: RegExp): KubeObject[] {
  const found: KubeObject[] = [];
  for (const kind of ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']) {
    for (const config of objectsOf(facts, kind)) {
      const hooks = Array.isArray(config.webhooks)
        ? config.webhooks.filter(isObject).map((w) => String(w.name ?? ''))
        : [];
      if (pattern.test(config.metadata.name) || hooks.some((h) => pattern.test(h))) found.push(config);
    }
  }
  return found;
}

/** CustomResourceDefinitions whose name (plural.group) matches. */
export function findCrds(facts: Facts, pattern: RegExp): KubeObject[] {
  return objectsOf(facts, 'CustomResourceDefinition').filter((crd) => pattern.test(crd.metadata.name));
}

export function describe(object: KubeObject): string {
  return `${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
}

/** Evidence listing what was found of one component. */
export function sightingEvidence(
  facts: Facts,
  what: string,
  objects: readonly KubeObject[],
  expected: string,
): Evidence {
  return kubeEvidence(
    facts,
    objects[0]?.kind ?? 'Pod',
    `kubernetes:${what}`,
    objects.slice(0, 10).map(describe),
    expected,
  );
}
