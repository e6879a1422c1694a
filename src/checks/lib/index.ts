// Memoised lookups over the facts (by kind, namespace, name), built once per Facts object and shared by every check.
import type { Evidence } from '../../model/check.js';
import type { Facts, JsonValue, KubeObject } from '../../model/facts.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';

/**
 * One cache per Facts object. A WeakMap keyed on the Facts lets the index die with the facts, so a run
 * over 150,000 pods builds each index once instead of once per check.
 */
const caches = new WeakMap<Facts, Map<string, unknown>>();

/** Computes `build()` once per Facts and key; later calls return the same value. */
export function memo<T>(facts: Facts, key: string, build: () => T): T {
  let cache = caches.get(facts);
  if (!cache) {
    cache = new Map();
    caches.set(facts, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = build();
  cache.set(key, value);
  return value;
}

export function objectsOf(facts: Facts, kind: string): readonly KubeObject[] {
  return facts.kubernetes.objects.get(kind) ?? [];
}

/** `namespace/name` → object (cluster-scoped objects under `/name`). */
export function byName(facts: Facts, kind: string): ReadonlyMap<string, KubeObject> {
  return memo(facts, `byName:${kind}`, () => {
    const map = new Map<string, KubeObject>();
    for (const object of objectsOf(facts, kind))
      map.set(`${object.metadata.namespace ?? ''}/${object.metadata.name}`, object);
    return map;
  });
}

export function findObject(
  facts: Facts,
  kind: string,
  namespace: string | undefined,
  name: string,
): KubeObject | undefined {
  return byName(facts, kind).get(`${namespace ?? ''}/${name}`);
}

/** Namespace → objects of the kind in it. */
export function byNamespace(facts: Facts, kind: string): ReadonlyMap<string, readonly KubeObject[]> {
  return memo(facts, `byNamespace:${kind}`, () => {
    const map = new Map<string, KubeObject[]>();
    for (const object of objectsOf(facts, kind)) {
      const ns = object.metadata.namespace ?? '';
      const list = map.get(ns);
      if (list) list.push(object);
      else map.set(ns, [object]);
    }
    return map;
  });
}

export function isCollected(facts: Facts, kind: string): boolean {
  return facts.kubernetes.collectedKinds.has(kind);
}

/** The kinds of `kinds` that were not collected. */
export function missingKinds(facts: Facts, kinds: readonly string[]): string[] {
  return kinds.filter((kind) => !isCollected(facts, kind));
}

/** The usual reason for a check whose Kubernetes facts are missing. */
export function missingReason(kinds: readonly string[]): Text {
  const list = kinds.join(', ');
  return t(
    `快照中没有以下对象列表：${list}，无法判断`,
    `The snapshot holds no list of ${list}, so this cannot be decided`,
  );
}

/** Evidence drawn from a Kubernetes kind, with the origin (file, time) the loader recorded for it. */
export function kubeEvidence(
  facts: Facts,
  kind: string,
  path: string,
  observed: JsonValue,
  expected: string,
): Evidence {
  const origin = facts.origins.get(`kubernetes:${kind}`);
  return {
    source: origin?.source ?? 'kubernetes-api',
    path,
    observed,
    expected,
    time: origin?.time ?? facts.collectedAt,
    ...(origin?.file ? { file: origin.file } : {}),
  };
}

/** Joins a few names for a reason or evidence, with a count of the rest so a report line stays short. */
export function shortList(names: readonly string[], max = 10): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} … (+${names.length - max})`;
}

/**
 * Label selector matching (matchLabels and matchExpressions). An empty selector selects everything for
 * NetworkPolicy podSelectors and nothing for ClusterRole aggregation, so the caller says which.
 */
export function matchesSelector(
  selector: JsonValue | undefined,
  labels: Record<string, string>,
  emptyMatchesAll: boolean,
): boolean {
  if (!selector || typeof selector !== 'object' || Array.isArray(selector)) return emptyMatchesAll;
  const matchLabels =
    selector.matchLabels && typeof selector.matchLabels === 'object' && !Array.isArray(selector.matchLabels)
      ? selector.matchLabels
      : {};
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return emptyMatchesAll;
  for (const [key, value] of Object.entries(matchLabels)) if (labels[key] !== value) return false;
  for (const e of expressions) {
    if (!e || typeof e !== 'object' || Array.isArray(e)) return false;
    const key = String(e.key ?? '');
    const values = Array.isArray(e.values) ? e.values.filter((v): v is string => typeof v === 'string') : [];
    const has = key in labels;
    if (e.operator === 'In' && !(has && values.includes(labels[key]!))) return false;
    if (e.operator === 'NotIn' && has && values.includes(labels[key]!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
