// Identical subtrees of loaded objects held once: the replicas of a workload repeat the same labels, owner
// reference, container resources, security context and ports, and a large cluster's facts are mostly such repeats.
import { isRecord } from '../util/fs.js';

/*
 * Hash-consing, bottom up. A subtree's children are shared first, so two equal nodes have identical children:
 * a node is compared with a pooled one by its own keys and by identity of its values, and hashed from its keys
 * and its children's hashes, never walked again. JSON.parse makes a new string for every value it reads; strings
 * are pooled the same way (150,000 pods would otherwise hold 150,000 copies of their namespace and image).
 *
 * Shared nodes are frozen, so a consumer that tried to change one object's copy (and with it every replica's)
 * fails loudly instead of corrupting other objects' evidence. Sharing happens after redaction, and redaction
 * skips frozen nodes: they have been redacted already.
 *
 * What is unique by nature is not pooled, so the pool does not fill with one-off nodes: the object itself, its
 * metadata (name, uid) and a pod's spec (nodeName). Their fields are shared one by one. The pool is dropped
 * after the load.
 */

/** Strings longer than this rarely repeat (scripts, certificates): compared when met, not pooled. */
const MAX_POOLED_STRING = 256;
/** V8's Map holds at most 2^24 entries; past this many nodes, new ones are kept as they are. */
const MAX_NODES = 8_000_000;

/** Distinct nodes kept per hash beyond the first. */
const MAX_COLLISIONS = 16;

const ARRAY_SEED = 0x2f6b_9a31;
const OBJECT_SEED = 0x5bd1_e995;

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x9e37_79b1) ^ (hash >>> 15);
}

export class SubtreePool {
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  /** The first pooled node of each hash; later ones with the same hash are in `collisions`. */
  private readonly nodes = new Map<number, object>();
  private readonly collisions = new Map<number, object[]>();
  /** Set by `share`: the hash of what it returned, and whether a parent holding it can be pooled. */
  private hash = 0;
  private poolable = true;

  /** Shares what lies below `object`'s fields, in place. `kind` is the object's kind as the loader decided it. */
  shareObject(object: Record<string, unknown>, kind: string): void {
    for (const key in object) {
      const value = object[key];
      const unique = key === 'metadata' || (key === 'spec' && kind === 'Pod');
      if (unique && isRecord(value)) this.shareFields(value);
      else object[key] = this.share(value);
    }
  }

  /** How many distinct subtrees and strings are held (for tests and measurement). */
  get size(): { nodes: number; strings: number } {
    let nodes = this.nodes.size;
    for (const list of this.collisions.values()) nodes += list.length;
    return { nodes, strings: this.strings.size };
  }

  private shareFields(record: Record<string, unknown>): void {
    // A uid never repeats: pooling it would only fill the string pool.
    for (const key in record) if (key !== 'uid') record[key] = this.share(record[key]);
  }

  /** `value` with its children shared, or the pooled node equal to it; sets `hash` and `poolable`. */
  private share(value: unknown): unknown {
    if (typeof value === 'string') return this.string(value);
    if (value === null || typeof value !== 'object') {
      this.hash = primitiveHash(value);
      this.poolable = true;
      return value;
    }
    let hash: number;
    let poolable = true;
    if (Array.isArray(value)) {
      hash = ARRAY_SEED;
      for (let i = 0; i < value.length; i++) {
        value[i] = this.share(value[i]);
        hash = mix(hash, this.hash);
        poolable &&= this.poolable;
      }
    } else {
      const record = value as Record<string, unknown>;
      hash = OBJECT_SEED;
      for (const field in record) {
        this.string(field);
        hash = mix(hash, this.hash);
        record[field] = this.share(record[field]);
        hash = mix(hash, this.hash);
        poolable &&= this.poolable;
      }
    }
    this.hash = hash;
    this.poolable = poolable;
    return poolable ? this.pooled(value, hash) : value;
  }

  private string(value: string): string {
    if (value.length > MAX_POOLED_STRING) {
      // Hashed from its length and a sample of its characters; equal hashes are then compared in full.
      let hash = mix(value.length, 0x510e_527f);
      for (let at = 0; at < value.length; at += value.length >> 3) hash = mix(hash, value.charCodeAt(at));
      this.hash = hash;
      this.poolable = true;
      return value;
    }
    let id = this.strings.get(value);
    if (id === undefined) {
      id = this.stringList.length;
      this.strings.set(value, id);
      this.stringList.push(value);
    }
    this.hash = mix(id, 0x3c6e_f372);
    this.poolable = true;
    return this.stringList[id]!;
  }

  /** The pooled node equal to `node`, which is pooled itself when it is the first. */
  private pooled(node: object, hash: number): object {
    const first = this.nodes.get(hash);
    if (first === undefined) {
      if (this.nodes.size < MAX_NODES) this.nodes.set(hash, Object.freeze(node));
      return node;
    }
    if (sameShallow(first, node)) return first;
    const others = this.collisions.get(hash);
    for (const other of others ?? []) if (sameShallow(other, node)) return other;
    // A hash met this often is not chance (an input crafted to collide): its nodes are kept as they are, so the
    // comparisons per node stay bounded.
    if ((others?.length ?? 0) >= MAX_COLLISIONS || this.nodes.size + this.collisions.size >= MAX_NODES)
      return node;
    if (others) others.push(Object.freeze(node));
    else this.collisions.set(hash, [Object.freeze(node)]);
    return node;
  }
}

function primitiveHash(value: unknown): number {
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? mix(value | 0, 0x6a09_e667)
      : mix(Math.floor(value * 65_536) | 0, 0x1f83_d9ab);
  if (value === true) return 0x1b87_3593;
  if (value === false) return 0x0cc9_e2d5;
  return 0x7fed_7fed; // null
}

/** Equal nodes whose children are already shared: same keys in the same order, identical values. */
function sameShallow(a: object, b: object): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(right, key) || left[key] !== right[key]) return false;
    count++;
  }
  for (const _key in right) count--;
  return count === 0;
}
