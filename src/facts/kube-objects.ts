// Reads `kubectl get ... -o json|yaml` output (a List or single objects) into redacted Kubernetes objects.
import type { JsonValue, KubeObject } from '../model/facts.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export const REDACTED = '<redacted>';

/**
 * Flattens one parsed document into objects. Items of a typed list (`PodList`) without a kind take it
 * from the list; items of a plain `List` without a kind take `fallbackKind` (from the file name).
 */
export function objectsFromDocument(doc: unknown, file: string, fallbackKind?: string): KubeObject[] {
  if (!isRecord(doc))
    throw InputError.at(
      file,
      undefined,
      'expected a Kubernetes object or List (the output of `kubectl get … -o json`)',
    );
  if (Array.isArray(doc.items)) {
    const listKind =
      typeof doc.kind === 'string' && doc.kind.endsWith('List') && doc.kind !== 'List'
        ? doc.kind.slice(0, -4)
        : undefined;
    return doc.items.map((item, index) => toObject(item, file, `items[${index}]`, listKind ?? fallbackKind));
  }
  if ('items' in doc) throw InputError.at(file, 'items', 'expected an array');
  return [toObject(doc, file, '', fallbackKind)];
}

function toObject(value: unknown, file: string, at: string, fallbackKind?: string): KubeObject {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (!isRecord(value)) throw InputError.at(file, at || undefined, 'expected a Kubernetes object');
  const kind = typeof value.kind === 'string' && value.kind ? value.kind : fallbackKind;
  if (!kind)
    throw InputError.at(
      file,
      field('kind'),
      'expected the object kind (or a file named after the resource, e.g. pods.json)',
    );
  const metadata = value.metadata;
  if (!isRecord(metadata) || typeof metadata.name !== 'string' || metadata.name === '') {
    throw InputError.at(file, field('metadata.name'), 'expected a non-empty string');
  }
  // Set in place rather than copied: the parsed value is ours, and a copy per object is pure garbage at 150,000 pods.
  if (value.kind !== kind) value.kind = kind;
  return redact(value as KubeObject);
}

/**
 * Removes what must never reach evidence: Secret data, environment variable values and the
 * last-applied annotation (which can hold both). Names stay, so checks can still report them.
 */
export function redact(object: KubeObject): KubeObject {
  if (object.kind === 'Secret') {
    delete object.data;
    delete object.stringData;
  }
  // Server-side apply bookkeeping: 1–2 kB per object that no check reads (kubectl hides it too).
  if ('managedFields' in object.metadata)
    delete (object.metadata as { managedFields?: unknown }).managedFields;
  const annotations = object.metadata.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
    object.metadata = { ...object.metadata, annotations: rest };
  }
  redactEnvValues(object.spec as JsonValue | undefined);
  return object;
}

/** Walks a spec and blanks every `env[].value`, wherever pod templates nest it. */
function redactEnvValues(node: JsonValue | undefined): void {
  if (Array.isArray(node)) {
    for (const item of node) redactEnvValues(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  // for…in rather than Object.entries: this walks every object of every spec, and the arrays
  // Object.entries allocates cost as much as the walk itself on 150,000 pods.
  for (const key in node) {
    const inner = node[key];
    if (inner === null || typeof inner !== 'object') continue;
    if (key === 'env' && Array.isArray(inner)) {
      for (const variable of inner) {
        if (
          variable &&
          typeof variable === 'object' &&
          !Array.isArray(variable) &&
          typeof variable.value === 'string'
        ) {
          variable.value = REDACTED;
        }
      }
    } else {
      redactEnvValues(inner);
    }
  }
}

export function objectKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
