// The ZIP writer and reader: round trip, UTF-8 names, and a corrupt entry refused; `unzip -t` accepts the output when present.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createZip, readZip } from '../../src/pack/zip.js';
import { tempDir } from '../render/sample.js';

describe('zip', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}\n'.repeat(100)) },
    { name: 'snapshot/证据/说明.txt', data: Buffer.from('中文内容') },
    { name: 'empty.bin', data: Buffer.alloc(0) },
  ];

  it('reads back what it wrote', () => {
    const back = readZip(createZip(entries), 'x.zip');
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e, i) => expect(e.data.equals(entries[i]!.data)).toBe(true));
  });

  it('refuses a corrupt entry', () => {
    const zip = createZip([{ name: 'a.txt', data: Buffer.from('hello hello hello hello') }]);
    zip[40] = zip[40]! ^ 0xff;
    expect(() => readZip(zip, 'bad.zip')).toThrow(/bad\.zip/);
  });

  it('is a valid ZIP for other tools', async () => {
    let unzip = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      unzip = false;
    }
    if (!unzip) return;
    const file = join(await tempDir('zip'), 'a.zip');
    await writeFile(file, createZip(entries));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  });
});
