// Streams a Kubernetes List to disk one item at a time, in the layout `kube-evidence collect` writes.
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flush to disk at about this many characters, so memory stays flat however long the list is. */
const FLUSH_AT = 1 << 20;

export class ListFile {
  private parts: string[] = [];
  private pending = 0;
  private count = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string, listKind: string): Promise<ListFile> {
    await mkdir(dirname(path), { recursive: true });
    const file = new ListFile(await open(path, 'w'));
    file.push(
      `{"apiVersion":"v1","kind":${JSON.stringify(listKind)},"metadata":{"resourceVersion":"48213"},"items":[\n`,
    );
    return file;
  }

  get written(): number {
    return this.count;
  }

  async add(item: unknown): Promise<void> {
    this.push(`${this.count > 0 ? ',\n' : ''}${JSON.stringify(item)}`);
    this.count++;
    if (this.pending >= FLUSH_AT) await this.flush();
  }

  async close(): Promise<void> {
    this.push('\n]}\n');
    await this.flush();
    await this.handle.close();
  }

  private push(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    await this.handle.write(text);
  }
}

/** Writes every item an iterator yields into one List file; returns how many were written. */
export async function writeList(path: string, listKind: string, items: Iterable<unknown>): Promise<number> {
  const file = await ListFile.create(path, listKind);
  for (const item of items) await file.add(item);
  await file.close();
  return file.written;
}
