// A text file written through a temporary: committed whole, or discarded with nothing left and no stray error.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TempTextFile } from '../../src/util/temp-text-file.js';

const work = await mkdtemp(join(tmpdir(), 'ke-temp-text-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('TempTextFile', () => {
  it('appears under its name only once committed, with every piece written', async () => {
    const path = join(work, 'a', 'out.txt');
    const file = await TempTextFile.open(path, 16);
    for (let i = 0; i < 1000; i++) await file.write(`line ${i}\n`);
    expect(await readdir(join(work, 'a'))).not.toContain('out.txt');
    await file.commit();
    const text = await readFile(path, 'utf8');
    expect(text.split('\n')).toHaveLength(1001);
    expect(await readdir(join(work, 'a'))).toEqual(['out.txt']);
  });

  it('discarded while writes are still in flight: no file, no temporary, no uncaught error', async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const path = join(work, 'b', 'out.txt');
      const file = await TempTextFile.open(path, 1 << 20);
      // Not awaited: the stream accepts them into its buffer, and they are still being written when it is discarded.
      for (let i = 0; i < 50; i++) void file.write('x'.repeat(64 * 1024));
      await file.discard();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await readdir(join(work, 'b'))).toEqual([]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
    }
  });

  it('a stream error reaches the caller of the next write or of commit', async () => {
    // A name the file system takes, whose temporary (dot, name, pid, random, .tmp) is too long to open: the
    // stream fails on its own, after open() returned.
    const file = await TempTextFile.open(join(work, 'c', `${'n'.repeat(240)}.txt`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(file.write('text')).rejects.toThrow(/ENAMETOOLONG/);
    await expect(file.commit()).rejects.toThrow(/ENAMETOOLONG/);
    await file.discard();
  });
});
