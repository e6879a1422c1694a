// Writes a Kubernetes List to disk item by item (temp file, then rename), so a huge list never sits in memory.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tempPathFor } from '../util/fs.js';

/**
 * `{"apiVersion":"v1","kind":"PodList","metadata":{},"items":[ … ]}` written as pages arrive. Readers
 * see either no file or the complete one: the temp file is renamed only by `finish`.
 */
export class ListWriter {
  private handle?: FileHandle;
  private readonly temp: string;
  private count = 0;

  constructor(
    private readonly path: string,
    private readonly listKind: string,
  ) {
    this.temp = tempPathFor(path);
  }

  get written(): number {
    return this.count;
  }

  async add(items: readonly unknown[]): Promise<void> {
    const handle = await this.open();
    if (items.length === 0) return;
    const text = items.map((item) => JSON.stringify(item)).join(',\n');
    await handle.write(`${this.count > 0 ? ',\n' : ''}${text}`);
    this.count += items.length;
  }

  async finish(): Promise<void> {
    const handle = await this.open();
    await handle.write('\n]}\n');
    await handle.close();
    this.handle = undefined;
    await rename(this.temp, this.path);
  }

  /** Drops the partial file: nothing half-collected is left behind. */
  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    await rm(this.temp, { force: true });
  }

  private async open(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    await mkdir(dirname(this.path), { recursive: true });
    this.handle = await open(this.temp, 'w');
    await this.handle.write(
      `{"apiVersion":"v1","kind":${JSON.stringify(this.listKind)},"metadata":{},"items":[\n`,
    );
    return this.handle;
  }
}
