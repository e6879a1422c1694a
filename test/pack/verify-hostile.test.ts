// Hostile packs for `verify`: forged ZIP layouts, bombs, links and manifests; each ends in one line and exit 1 or 2.
import { open, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pack/hash.js';
import { writePack } from '../../src/pack/write-pack.js';
import { runCli } from '../helpers/cli.js';
import { rawZip, type RawEntry } from '../helpers/zip-bytes.js';
import { sampleAssessment, SAMPLE, tempDir } from '../render/sample.js';

let pack: string;
let entries: RawEntry[];
let root: string;

beforeAll(async () => {
  root = await tempDir('verify-hostile');
  pack = join(root, 'pack');
  await writePack([await sampleAssessment()], {
    outDir: pack,
    formats: ['json'],
    lang: 'en',
    snapshotDir: SAMPLE,
  });
  const names = await listFiles(pack);
  entries = await Promise.all(names.map(async (name) => ({ name, data: await readFile(join(pack, name)) })));
});

let counter = 0;
async function zipFile(bytes: Buffer): Promise<string> {
  const file = join(root, `hostile-${counter++}.zip`);
  await writeFile(file, bytes);
  return file;
}

/** verify must fail with exit 1 (or 2 for an unreadable manifest), in one line, without a stack. */
async function expectRefused(target: string, pattern: RegExp, code = 1): Promise<string> {
  const result = await runCli(['verify', target]);
  const text = `${result.stdout}${result.stderr}`;
  expect(result.code, text).toBe(code);
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).toMatch(pattern);
  const failure = text.split('\n').filter((l) => /FAILED|kube-evidence:/.test(l));
  expect(failure).toHaveLength(1);
  return text;
}

const assessment = () => entries.find((e) => e.name === 'assessment.json')!;
const others = () => entries.filter((e) => e.name !== 'assessment.json');

describe('verify refuses hostile ZIPs', () => {
  it('accepts the honest hand-built ZIP (the baseline for every case below)', async () => {
    const result = await runCli(['verify', await zipFile(rawZip(entries))]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('a duplicate entry, tampered copy first', async () => {
    const tampered = { ...assessment(), data: Buffer.from('{"forged":true}') };
    await expectRefused(await zipFile(rawZip([tampered, ...entries])), /appears twice/);
  });

  it('names that differ only in case', async () => {
    const twin = { ...assessment(), name: 'ASSESSMENT.json' };
    await expectRefused(await zipFile(rawZip([...entries, twin])), /appears twice/);
  });

  it('a local-header-only entry hidden from the central directory', async () => {
    const hidden = { name: 'evil.txt', data: Buffer.from('not listed'), hidden: true };
    await expectRefused(await zipFile(rawZip([...entries, hidden])), /unlisted bytes|gap/);
  });

  it('a local header naming another file than the central directory', async () => {
    const mismatch = { ...assessment(), localName: 'assessment.jsoN' };
    await expectRefused(await zipFile(rawZip([mismatch, ...others()])), /local header names another file/);
  });

  it('bytes appended after the ZIP', async () => {
    await expectRefused(
      await zipFile(rawZip(entries, { after: Buffer.from('appended') })),
      /not a readable ZIP|follow/,
    );
  });

  it('bytes prepended before the ZIP', async () => {
    await expectRefused(
      await zipFile(rawZip(entries, { before: Buffer.from('MZ prefix') })),
      /starts at byte|readable/,
    );
  });

  it('a ZIP comment', async () => {
    await expectRefused(await zipFile(rawZip(entries, { comment: 'hello' })), /comment/);
  });

  it('a symlink entry', async () => {
    const link = { name: 'snapshot/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 };
    await expectRefused(await zipFile(rawZip([...entries, link])), /symlink/);
  });

  it('a directory entry', async () => {
    const dir = { name: 'snapshot/extra/', data: Buffer.alloc(0), method: 0, mode: 0o040755 };
    await expectRefused(await zipFile(rawZip([...entries, dir])), /directory entry/);
  });

  it('a path that climbs out ("../")', async () => {
    const climb = { name: '../outside.txt', data: Buffer.from('x') };
    await expectRefused(
      await zipFile(rawZip([...entries, climb])),
      /not a readable ZIP|invalid relative path/i,
    );
  });

  it('a file not in the manifest', async () => {
    const extra = { name: 'extra.txt', data: Buffer.from('x') };
    await expectRefused(await zipFile(rawZip([...entries, extra])), /added: extra\.txt/);
  });

  it('a corrupt deflate stream', async () => {
    const body = deflateRawSync(assessment().data);
    for (let i = 10; i < body.length; i += 97) body[i] = body[i]! ^ 0x5a;
    const corrupt = { ...assessment(), body };
    await expectRefused(await zipFile(rawZip([corrupt, ...others()])), /assessment\.json/);
  });

  it('a bad central directory offset', async () => {
    await expectRefused(await zipFile(rawZip(entries, { offsetShift: 1_000_000 })), /not a readable ZIP/);
  });

  it('not a ZIP at all', async () => {
    await expectRefused(
      await zipFile(Buffer.from('%PDF-1.7 this is not a zip'.repeat(10))),
      /not a readable ZIP/,
    );
  });

  it('a ZIP bomb: 64 MiB of zeros in 64 kB, refused by ratio before inflating', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = {
      name: 'snapshot/bomb.json',
      data: Buffer.alloc(0),
      body: deflateRawSync(zeros),
      declaredSize: zeros.length,
    };
    const before = process.memoryUsage().rss;
    await expectRefused(await zipFile(rawZip([...entries, bomb])), /expands \d+:1; the limit is 200:1/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('an entry that inflates past its declared size (a lying bomb) stops at the declared size', async () => {
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const liar = { ...assessment(), body: deflateRawSync(zeros) };
    await expectRefused(await zipFile(rawZip([liar, ...others()])), /assessment\.json/);
  });

  it('a ZIP over 2 GiB (sparse) with no valid structure', async () => {
    const HUGE = 2.2 * 1024 ** 3 - ((2.2 * 1024 ** 3) % 4096);
    const file = join(root, 'huge.zip');
    await writeFile(file, '');
    await truncate(file, HUGE);
    const handle = await open(file, 'r+');
    const zip = rawZip(entries);
    await handle.write(zip, 0, zip.length, HUGE - zip.length);
    await handle.close();
    await expectRefused(file, /huge\.zip/);
  });
});

describe('verify refuses hostile pack directories and manifests', () => {
  async function copy(): Promise<string> {
    const dir = join(await tempDir('verify-hostile-dir'), 'pack');
    const { cp } = await import('node:fs/promises');
    await cp(pack, dir, { recursive: true });
    return dir;
  }

  it('a symlink added to the pack directory', async () => {
    const dir = await copy();
    await symlink('/etc/hostname', join(dir, 'snapshot', 'link.json'));
    await expectRefused(dir, /refused: symlink: snapshot\/link\.json/);
  });

  it('a listed file replaced by a symlink to an identical copy', async () => {
    const dir = await copy();
    const { rename } = await import('node:fs/promises');
    await rename(join(dir, 'assessment.json'), join(root, 'moved-assessment.json'));
    await symlink(join(root, 'moved-assessment.json'), join(dir, 'assessment.json'));
    await expectRefused(dir, /refused: symlink: assessment\.json/);
  });

  it('a manifest emptied to files: []', async () => {
    const dir = await copy();
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { files: unknown[] };
    manifest.files = [];
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expectRefused(dir, /files: expected at least one file/, 2);
  });

  it('a manifest listing a path outside the pack', async () => {
    const dir = await copy();
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      files: Array<{ path: string }>;
    };
    manifest.files[0]!.path = '../../etc/passwd';
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expectRefused(dir, /files\[0\]\.path: expected a relative/, 2);
  });

  it('a manifest listing one path twice', async () => {
    const dir = await copy();
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { files: unknown[] };
    manifest.files.push(manifest.files[0]);
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expectRefused(dir, /listed twice/, 2);
  });
});
