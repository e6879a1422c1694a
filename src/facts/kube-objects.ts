// Reads `kubectl get ... -o json|yaml` output (a List or single objects) into redacted Kubernetes objects.
import type { JsonValue, KubeObject } from '../model/facts.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';
import { REDACTED, redactAnnotations, redactSpec } from './redact-credentials.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export { REDACTED };

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
 * Removes what must never reach evidence: Secret data, environment variable values, probe header values,
 * credential flag values in args/command, credential-looking annotation values and the last-applied
 * annotation (which can hold all of them). Names stay, so checks can still report them.
 */
export function redact(object: KubeObject): KubeObject {
  if (object.kind === 'Secret' || object.kind === 'SecretList') {
    delete object.data;
    delete object.stringData;
  }
  // A list nested inside a list (a SecretList inside a List): its items are redacted as their own kinds.
  const nested = (object as { items?: unknown }).items;
  if (Array.isArray(nested)) {
    const itemKind = object.kind.endsWith('List') ? object.kind.slice(0, -4) : undefined;
    for (const item of nested) {
      // A frozen item was shared by the loader after this redaction (src/facts/share-subtrees.ts).
      if (!isRecord(item) || Object.isFrozen(item)) continue;
      const hadKind = typeof item.kind === 'string' && item.kind !== '';
      if (!hadKind) item.kind = itemKind ?? '';
      if (isRecord(item.metadata)) redact(item as unknown as KubeObject);
      else redactSpec(item);
      if (!hadKind) delete item.kind;
    }
  }
  // Server-side apply bookkeeping: 1–2 kB per object that no check reads (kubectl hides it too).
  if ('managedFields' in object.metadata)
    delete (object.metadata as { managedFields?: unknown }).managedFields;
  const annotations = object.metadata.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
    object.metadata = { ...object.metadata, annotations: rest };
  }
  if (object.metadata.annotations) {
    const clean = redactAnnotations(object.metadata.annotations);
    if (clean) object.metadata = { ...object.metadata, annotations: clean as Record<string, string> };
  }
  redactSpec(object.spec as JsonValue | undefined);
  return object;
}

/**
 * An object with its kind and name that is not itself a list: `redact` treats it the same wherever it is met,
 * so it may be redacted as soon as it is parsed (a streamed list's items) and again later, with the same result.
 */
export function isNamedObject(item: unknown): item is KubeObject {
  return (
    isRecord(item) &&
    typeof item.kind === 'string' &&
    item.kind !== '' &&
    !('items' in item) &&
    isRecord(item.metadata) &&
    typeof item.metadata.name === 'string' &&
    item.metadata.name !== ''
  );
}

export function objectKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
