// A file written text by text through a temporary beside it: renamed into place when done, removed when given up;
// the stream's errors reach whoever awaits, never the process.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { dirname } from 'node:path';
import { tempPathFor } from './fs.js';

/*
 * Why the listener: a write stream emits 'error' for a disk that fills mid-write, and for a write that lands after
 * the stream was destroyed (a copy given up while its last batch was still with the thread pool). Without a
 * listener either one is an uncaught exception that ends the process; here it is kept and thrown to the caller
 * of the next write or of `commit`, and ignored once the file is being discarded anyway.
 */
export class TempTextFile {
  private failure: unknown;
  /** Whether the temporary was created (a name too long for the file system never is). */
  private created = false;

  private constructor(
    private readonly path: string,
    private readonly temp: string,
    private readonly out: WriteStream,
  ) {
    out.once('open', () => {
      this.created = true;
    });
    out.on('error', (error) => {
      this.failure ??= error;
    });
  }

  static async open(path: string, highWaterMark?: number): Promise<TempTextFile> {
    await mkdir(dirname(path), { recursive: true });
    const temp = tempPathFor(path);
    return new TempTextFile(path, temp, createWriteStream(temp, highWaterMark ? { highWaterMark } : {}));
  }

  /** Queues `text`; waits while the stream's buffer is full. */
  async write(text: string): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  /** Flushes, closes and renames the temporary onto the target. */
  async commit(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    this.out.end();
    await finished(this.out);
    await rename(this.temp, this.path);
  }

  /** Stops writing and removes the temporary, once nothing more can land in it. */
  async discard(): Promise<void> {
    this.out.destroy();
    await finished(this.out).catch(() => undefined);
    if (this.created) await rm(this.temp, { force: true });
  }
}
