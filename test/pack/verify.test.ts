// `verify` on a fresh pack (directory and ZIP) passes; one changed byte, an added file or a removed file fails it with exit 1.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { verifyPack } from '../../src/pack/verify.js';
import { writePack } from '../../src/pack/write-pack.js';
import { listFiles } from '../../src/pack/hash.js';
import { rawZip } from '../helpers/zip-bytes.js';
import { sampleAssessment, SAMPLE, tempDir } from '../render/sample.js';

let pack: string;
let zip: string;

beforeAll(async () => {
  const root = await tempDir('verify');
  pack = join(root, 'pack');
  zip = join(root, 'pack.zip');
  // No PDF here: verify does not care which formats a pack holds, and Chromium is slow.
  await writePack([await sampleAssessment()], {
    outDir: pack,
    zip,
    formats: ['json', 'xlsx'],
    lang: 'en',
    snapshotDir: SAMPLE,
  });
});

afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function copyOfPack(): Promise<string> {
  const copy = join(await tempDir('verify-copy'), 'pack');
  await cp(pack, copy, { recursive: true });
  return copy;
}

async function runVerify(target: string): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await main(['node', 'kube-evidence', 'verify', target]);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { code, out };
}

/** The pack's files as ZIP entries, for hand-built ZIPs. */
async function packEntries(): Promise<Array<{ name: string; data: Buffer }>> {
  const names = await listFiles(pack);
  return Promise.all(names.map(async (name) => ({ name, data: await readFile(join(pack, name)) })));
}

describe('verify', () => {
  it('passes on a fresh pack directory and on its ZIP', async () => {
    expect(await runVerify(pack)).toMatchObject({ code: 0 });
    const fromZip = await runVerify(zip);
    expect(fromZip.code).toBe(0);
    expect(fromZip.out).toMatch(/^ok: \d+ files match manifest.json$/m);
  });

  it('hashes every file: snapshot copy, JSON and workbook', async () => {
    const report = await verifyPack(pack);
    const paths = report.manifest.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'assessment.json',
        'report.xlsx',
        'snapshot/snapshot.json',
        'snapshot/kubernetes/pods.json',
      ]),
    );
    expect(report.manifest.reports[0]!.documentId).toBe(
      report.manifest.files.find((f) => f.path === 'assessment.json')!.sha256,
    );
  });

  it('fails with exit 1 when one byte of report.xlsx changes', async () => {
    const copy = await copyOfPack();
    const file = join(copy, 'report.xlsx');
    const bytes = await readFile(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    await writeFile(file, bytes);
    const { code, out } = await runVerify(copy);
    expect(code).toBe(1);
    expect(out).toContain('changed: report.xlsx');
  });

  it('reports added and removed files', async () => {
    const copy = await copyOfPack();
    await writeFile(join(copy, 'extra.txt'), 'not in the manifest');
    await rm(join(copy, 'snapshot', 'kubernetes', 'pods.json'));
    const { code, out } = await runVerify(copy);
    expect(code).toBe(1);
    expect(out).toContain('added: extra.txt');
    expect(out).toContain('removed: snapshot/kubernetes/pods.json');
  });

  it('fails on a ZIP whose entry was changed', async () => {
    const entries = (await packEntries()).map((e) =>
      e.name === 'assessment.json' ? { ...e, data: Buffer.concat([e.data, Buffer.from(' ')]) } : e,
    );
    const tampered = join(await tempDir('verify-zip'), 'tampered.zip');
    await writeFile(tampered, rawZip(entries));
    const { code, out } = await runVerify(tampered);
    expect(code).toBe(1);
    expect(out).toContain('changed: assessment.json');
  });

  it('rejects a directory without manifest.json with exit 2', async () => {
    const empty = await tempDir('verify-empty');
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    const code = await main(['node', 'kube-evidence', 'verify', empty]);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('manifest.json');
  });
});
