// What the snapshot loader hands a copy sink while it reads: each file's parsed content, before compaction drops fields.
import type { KubeObject } from '../model/facts.js';

/** How a file that is not a Kubernetes file is read (and validated) by the loader. */
export type DocumentRole = 'manifest' | 'document' | 'node-facts';

/**
 * Receives every file the loader reads, in the order it reads them, so the pack's redacted snapshot copy is
 * written from the same parse (src/pack/copy-while-loading.ts). Nothing here may change what the loader sees.
 */
export interface SnapshotCopySink {
  /** A file read whole that is not a Kubernetes file, as parsed: the sink copies it before changing anything. */
  document(file: string, role: DocumentRole, raw: unknown): Promise<void>;
  /**
   * A Kubernetes file read whole: each document with the objects the loader's objectsFromDocument made of it
   * (validated and redacted, not yet compacted). Only read.
   */
  kubernetes(file: string, docs: { doc: unknown; objects: KubeObject[] }[]): Promise<void>;
  /** A Kubernetes list the loader streams item by item (src/facts/json-stream.ts). */
  list(file: string): Promise<ListCopySink>;
  /** After the last file: what the loader did not read is listed (left-out.json). */
  finish(): Promise<void>;
  /** The load failed: whatever is half-written is closed and removed. */
  abort(): Promise<void>;
}

export interface ListCopySink {
  /**
   * One chunk's parsed items, before the loader compacts them. The sink may apply to an item the redaction the
   * loader applies to it anyway (src/facts/kube-objects.ts `redact`), and nothing else.
   */
  items(items: unknown[]): Promise<void>;
  /** The list's document without its items, once the loader has accepted the whole list. */
  close(skeleton: unknown): Promise<void>;
}
