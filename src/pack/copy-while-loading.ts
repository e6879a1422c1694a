// The pack's snapshot copy written while the loader reads the snapshot: copySnapshot's allow-list, redaction and bytes, hashed as written.
import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { DocumentRole, ListCopySink, SnapshotCopySink } from '../collect/copy-sink.js';
import { kindFromName } from '../facts/kinds.js';
import { isNamedObject } from '../facts/kube-objects.js';
import type { KubeObject } from '../model/facts.js';
import { tempPathFor, writeFileAtomic } from '../util/fs.js';
import {
  documentCopyText,
  everythingElse,
  kubernetesCopyText,
  LARGE_LIST_OPENING,
  largeListClosing,
  largeListItemText,
  LEFT_OUT_FILE,
  leftOutText,
  redactedDocument,
  redactedItem,
  type LeftOut,
} from './copy-snapshot.js';
import { sha256, type FileHash } from './hash.js';

/**
 * Given to loadSnapshot (src/collect/snapshot.ts) as its copy sink: every file the loader reads is written,
 * redacted, below `to` from the loader's own parse, so no input file is read twice; each file's size and SHA-256
 * are taken from the bytes written, so the copy is not read back either. The output is byte for byte what
 * copySnapshot(from, to) writes (test/pack/copy-while-loading.test.ts). `to` is inside a pack transaction's
 * staging directory: a load that fails leaves it to be removed with the staging.
 */
export class CopyWhileLoading implements SnapshotCopySink {
  private readonly written: FileHash[] = [];
  private readonly open = new Set<HashedFile>();
  private finished = false;

  constructor(
    /** The snapshot directory, exactly as given to loadSnapshot. */
    private readonly from: string,
    private readonly to: string,
    private readonly onLeftOut?: (entry: LeftOut) => void,
  ) {}

  /** The copied files (paths relative to `to`, '/'-separated), in copySnapshot's order, once the load is done. */
  files(): FileHash[] {
    if (!this.finished) throw new Error('the snapshot copy is not finished: the load did not complete');
    return [...this.written];
  }

  async document(file: string, role: DocumentRole, raw: unknown): Promise<void> {
    // Redaction changes the value it walks: the loader's own parse stays as it was read.
    await this.writeWhole(this.pathOf(file), documentCopyText(structuredClone(raw), role, file));
  }

  async kubernetes(file: string, docs: { doc: unknown; objects: KubeObject[] }[]): Promise<void> {
    const text = kubernetesCopyText(
      file,
      docs.map(({ doc, objects }) => redactedDocument(doc, objects)),
    );
    await this.writeWhole(this.pathOf(file), text);
  }

  async list(file: string): Promise<ListCopySink> {
    const path = this.pathOf(file);
    const fileKind = kindFromName(basename(file));
    const out = await HashedFile.create(this.target(path));
    this.open.add(out);
    await out.write(LARGE_LIST_OPENING);
    let first = true;
    // copySnapshot would have stopped at this item; the loader reads on and may refuse the file first (its
    // message names the item in the list), so the copy's own error is raised only once the loader accepted it.
    let refused: unknown;
    return {
      items: async (items) => {
        if (refused !== undefined) return;
        let parts: string[] = [];
        let pending = 0;
        for (const item of items) {
          let text: string;
          try {
            // A named object is redacted in place, as the loader redacts it anyway; anything else on a copy.
            const redacted = redactedItem(isNamedObject(item) ? item : structuredClone(item), file, fileKind);
            text = largeListItemText(redacted, first);
          } catch (error) {
            refused = error;
            return;
          }
          first = false;
          parts.push(text);
          pending += text.length;
          // Written in batches far fewer than the items, each small enough to stay out of V8's large-object
          // space (a chunk-sized string there lives until a full collection, at the load's largest heap).
          if (pending >= WRITE_BATCH) {
            await out.write(parts.join(''));
            parts = [];
            pending = 0;
          }
        }
        if (parts.length > 0) await out.write(parts.join(''));
      },
      close: async (skeleton) => {
        if (refused !== undefined) throw refused;
        await out.write(largeListClosing(skeleton));
        this.written.push({ path, ...(await out.close()) });
        this.open.delete(out);
      },
    };
  }

  async finish(): Promise<void> {
    const leftOut = await everythingElse(this.from, new Set(this.written.map((f) => f.path)));
    if (leftOut.length > 0) {
      for (const entry of leftOut) this.onLeftOut?.(entry);
      await this.writeWhole(LEFT_OUT_FILE, leftOutText(leftOut));
    }
    this.finished = true;
  }

  async abort(): Promise<void> {
    for (const file of this.open) await file.destroy();
    this.open.clear();
  }

  private pathOf(file: string): string {
    return relative(this.from, file).split(sep).join('/');
  }

  private target(path: string): string {
    return join(this.to, ...path.split('/'));
  }

  private async writeWhole(path: string, text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    await writeFileAtomic(this.target(path), bytes);
    this.written.push({ path, size: bytes.length, sha256: sha256(bytes) });
  }
}

/** Characters of a large list's copy gathered before one write. */
const WRITE_BATCH = 64 * 1024;

/** Bytes of the buffer a batch is encoded into: a batch of WRITE_BATCH characters always fits (4 bytes at most per 2). */
const BUFFER_BYTES = 4 * WRITE_BATCH;

/**
 * A file written through a temporary beside it, hashed and counted as its bytes go out. Batches are encoded into
 * one buffer used again for every write, so a 600 MB list's copy allocates no buffer per batch (each would be
 * memory outside the heap, freed only some time after it is collected).
 */
class HashedFile {
  private readonly hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private size = 0;

  private constructor(
    private readonly target: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(target: string): Promise<HashedFile> {
    await mkdir(dirname(target), { recursive: true });
    const temp = tempPathFor(target);
    return new HashedFile(target, temp, await open(temp, 'wx'));
  }

  async write(text: string): Promise<void> {
    // An item larger than the buffer (a few are; at most 32 MiB) gets a buffer of its own.
    const bytes =
      Buffer.byteLength(text, 'utf8') <= this.buffer.length
        ? this.buffer.subarray(0, this.buffer.write(text, 'utf8'))
        : Buffer.from(text, 'utf8');
    this.hash.update(bytes);
    this.size += bytes.length;
    for (let done = 0; done < bytes.length;) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done);
      done += bytesWritten;
    }
  }

  async close(): Promise<{ size: number; sha256: string }> {
    await this.handle.close();
    await rename(this.temp, this.target);
    return { size: this.size, sha256: this.hash.digest('hex') };
  }

  async destroy(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}
