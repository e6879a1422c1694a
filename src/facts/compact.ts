// The compact fact model: each Kubernetes object, once loaded, keeps only what the checks, the ledger and the
// evidence read. A 150,000-pod cluster then fits in well under 1 GiB. The pack's snapshot copy is written from each
// object before it is compacted (src/pack/copy-while-loading.ts), so it keeps every field.
import type { KubeObject } from '../model/facts.js';
import { isRecord } from '../util/fs.js';
import { POD_TEMPLATE_PATHS } from './kinds.js';

/**
 * Fields no check, audit (src/facts/ledger.ts, field-types.ts, built-ins.ts) or evidence path reads. Everything
 * not named here is kept, so a check reading a new field sees it unless it is added below.
 */
const METADATA_UNREAD = ['resourceVersion', 'generateName', 'selfLink', 'managedFields', 'generation'];
/** An owner reference is followed by kind, name and controller (src/checks/lib/workloads.ts). */
const OWNER_UNREAD = ['apiVersion', 'uid', 'blockOwnerDeletion'];
/** Scheduling and lifecycle settings of a pod spec: no framework requirement reads them. */
const POD_SPEC_UNREAD = [
  'dnsPolicy',
  'dnsConfig',
  'restartPolicy',
  'schedulerName',
  'terminationGracePeriodSeconds',
  'enableServiceLinks',
  'preemptionPolicy',
  'priority',
  'priorityClassName',
  'tolerations',
  'affinity',
  'topologySpreadConstraints',
  'readinessGates',
  'schedulingGates',
  'overhead',
  'activeDeadlineSeconds',
];
const CONTAINER_UNREAD = [
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
];
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];
/** The only kind whose status a check reads (a Terminating namespace, src/checks/lib/namespaces.ts). */
const STATUS_READ = new Set(['Namespace']);

/**
 * The object without its unread fields. The objects that lose fields are rebuilt rather than deleted from: V8
 * turns an object it deletes from into a hash table several times its size. `kind` is the object's kind as the
 * loader decided it. Repeated strings and subtrees are then shared by src/facts/share-subtrees.ts.
 */
export function compactObject(object: Record<string, unknown>, kind: string): Record<string, unknown> {
  const out = without(object, STATUS_READ.has(kind) ? NOTHING : TOP_UNREAD);
  if (isRecord(out.metadata)) out.metadata = compactMetadata(out.metadata);
  if (kind === 'Pod') {
    if (isRecord(out.spec)) out.spec = compactPodSpec(out.spec);
  } else if (POD_TEMPLATE_PATHS[kind]) {
    compactTemplate(out, POD_TEMPLATE_PATHS[kind]);
  }
  return out;
}

const NOTHING: ReadonlySet<string> = new Set();
const TOP_UNREAD: ReadonlySet<string> = new Set(['status']);
const METADATA_DROP: ReadonlySet<string> = new Set(METADATA_UNREAD);
const OWNER_DROP: ReadonlySet<string> = new Set(OWNER_UNREAD);
const POD_SPEC_DROP: ReadonlySet<string> = new Set(POD_SPEC_UNREAD);
const CONTAINER_DROP: ReadonlySet<string> = new Set(CONTAINER_UNREAD);

/** A copy of `record` without the `drop` fields (a fresh object in V8's compact form, whatever `record` was). */
function without(record: Record<string, unknown>, drop: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in record) if (!drop.has(key)) out[key] = record[key];
  return out;
}

function compactMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const out = without(metadata, METADATA_DROP);
  if (Array.isArray(out.ownerReferences))
    out.ownerReferences = out.ownerReferences.map((owner: unknown) =>
      isRecord(owner) ? without(owner, OWNER_DROP) : owner,
    );
  return out;
}

function compactPodSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const out = without(spec, POD_SPEC_DROP);
  for (const list of CONTAINER_LISTS) {
    const containers = out[list];
    if (Array.isArray(containers))
      out[list] = containers.map((c: unknown) => (isRecord(c) ? without(c, CONTAINER_DROP) : c));
  }
  return out;
}

/** A controller's pod template (`spec.template`, or `spec.jobTemplate.spec.template`): its metadata and pod spec compacted. */
function compactTemplate(object: Record<string, unknown>, path: readonly string[]): void {
  // path ends in [..., 'template', 'spec']: rebuild each object on the way to the template, then the template.
  let parent = object;
  for (const part of path.slice(0, -2)) {
    const child = parent[part];
    if (!isRecord(child)) return;
    parent[part] = { ...child };
    parent = parent[part] as Record<string, unknown>;
  }
  const key = path[path.length - 2]!;
  const template = parent[key];
  if (!isRecord(template)) return;
  const copy = { ...template };
  if (isRecord(copy.metadata)) copy.metadata = compactMetadata(copy.metadata);
  if (isRecord(copy.spec)) copy.spec = compactPodSpec(copy.spec);
  parent[key] = copy;
}

export type { KubeObject };
