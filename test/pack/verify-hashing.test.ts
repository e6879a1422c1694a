// verify's parallel, chunked hashing: the same SHA-256 as reading a file whole, and every change still found (a byte at a chunk edge, the last byte, a cut, a removal, an addition, a symlink).
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { HASH_CHUNK, HASH_PARALLEL, hashFile, hashFiles } from '../../src/pack/hash.js';
import { MANIFEST_SCHEMA } from '../../src/pack/manifest.js';
import { verifyPack } from '../../src/pack/verify.js';
import { tempDir } from '../render/sample.js';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Sizes around the read size: empty, one byte, one chunk and a byte either side, several chunks. */
const SIZES = [0, 1, HASH_CHUNK - 1, HASH_CHUNK, HASH_CHUNK + 1, 3 * HASH_CHUNK + 5];

let pack: string;
let paths: string[];

beforeAll(async () => {
  // A pack by hand: more files than are hashed at once, small ones and large ones, and a manifest listing them.
  pack = join(await tempDir('verify-hashing'), 'pack');
  paths = [];
  for (let i = 0; i < 6 * HASH_PARALLEL; i++) {
    const size = i < SIZES.length ? SIZES[i]! : 100 + i * 37;
    const path = `${i % 3 === 0 ? 'big/' : 'small/'}f${String(i).padStart(2, '0')}.bin`;
    await mkdir(join(pack, path, '..'), { recursive: true });
    await writeFile(join(pack, path), randomBytes(size));
    paths.push(path);
  }
  paths.sort();
  const files = await Promise.all(
    paths.map(async (path) => {
      const data = await readFile(join(pack, path));
      return { path, size: data.length, sha256: sha(data) };
    }),
  );
  await writeFile(
    join(pack, 'manifest.json'),
    JSON.stringify({ schema: MANIFEST_SCHEMA, schemaVersion: 1, createdAt: new Date().toISOString(), files }),
  );
});

afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function copyOfPack(): Promise<string> {
  const copy = join(await tempDir('verify-hashing-copy'), 'pack');
  await cp(pack, copy, { recursive: true });
  return copy;
}

async function flipByte(file: string, at: number): Promise<void> {
  const data = await readFile(file);
  data[at] = data[at]! ^ 0x01;
  await writeFile(file, data);
}

describe('hashing a pack', () => {
  it('gives the SHA-256 of the whole file at every size around the read size', async () => {
    const dir = await tempDir('hash-sizes');
    const names = SIZES.map((size) => `s${size}.bin`);
    for (const [i, size] of SIZES.entries()) await writeFile(join(dir, names[i]!), randomBytes(size));
    const hashed = await hashFiles(dir, names);
    for (const [i, name] of names.entries()) {
      const data = await readFile(join(dir, name));
      expect(hashed[i]).toEqual({ path: name, size: SIZES[i], sha256: sha(data) });
      expect(await hashFile(join(dir, name))).toBe(sha(data));
    }
  });

  it('passes an untouched pack, every file read', async () => {
    const report = await verifyPack(pack);
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(paths.length);
    expect(report.manifest.files.map((f) => f.path)).toEqual(paths);
  });

  it('finds a byte changed at a chunk edge and in the last byte, a cut, a removal, an addition and a symlink', async () => {
    const copy = await copyOfPack();
    const sizeOf = async (p: string) => (await readFile(join(copy, p))).length;
    // Same size, so only the hash can tell: the first byte of a second chunk, and the last byte of a full chunk.
    const largest = paths.find((p) => p.endsWith('f05.bin'))!;
    expect(await sizeOf(largest)).toBe(3 * HASH_CHUNK + 5);
    const atEdge = paths.find((p) => p.endsWith('f03.bin'))!;
    expect(await sizeOf(atEdge)).toBe(HASH_CHUNK);
    await flipByte(join(copy, largest), HASH_CHUNK);
    await flipByte(join(copy, atEdge), HASH_CHUNK - 1);
    const cut = paths.find((p) => p.endsWith('f04.bin'))!; // one chunk and a byte, cut inside the first chunk
    await truncate(join(copy, cut), HASH_CHUNK - 7);
    const removed = paths.find((p) => p.endsWith('f07.bin'))!;
    await rm(join(copy, removed));
    await writeFile(join(copy, 'small/extra.bin'), 'not listed');
    const linked = paths.find((p) => p.endsWith('f08.bin'))!;
    const target = join(copy, '..', 'outside.bin');
    await cp(join(copy, linked), target);
    await rm(join(copy, linked));
    await symlink(target, join(copy, linked));

    const report = await verifyPack(copy);
    expect(report.ok).toBe(false);
    expect(report.changed).toEqual([atEdge, largest, cut].sort());
    expect(report.removed).toEqual([removed, linked].sort());
    expect(report.added).toEqual(['small/extra.bin']);
    expect(report.refused).toEqual([`symlink: ${linked}`]);

    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    const code = await main(['node', 'kube-evidence', 'verify', copy]);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    for (const path of [atEdge, largest, cut]) expect(out).toContain(`changed: ${path}\n`);
    expect(out).toContain(`removed: ${removed}\n`);
    expect(out).toContain('added: small/extra.bin\n');
    expect(out).toContain(`refused: symlink: ${linked}\n`);
    expect(out).toMatch(
      /FAILED: 7 problem\(s\) against manifest\.json \(3 changed, 2 removed, 1 added, 1 refused\)/,
    );
  });
});
