// Signed packs in the fleet: uploaded to Azurite with manifest.jws just before manifest.json, then checked by fleet report (with and without --trust); a tampered one is refused, never counted.
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ContainerSASPermissions, type ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packStamp } from '../../src/fleet/pack-path.js';
import { uploadPack } from '../../src/fleet/upload.js';
import type { Manifest } from '../../src/pack/manifest.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { runCli } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf-text.js';
import { rsaIdentity } from '../helpers/signing-cert.js';
import { SAMPLE, tempDir } from '../render/sample.js';

const FRAMEWORK = 'cis-kubernetes-1.11.1';
let azurite: Azurite;
let client: ContainerClient;
let sas: string;
let work: string;
let signed: string;
const files: Record<string, string> = {};

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function writePack(out: string, key?: string, format = 'json'): Promise<string> {
  const result = await runCli([
    'report',
    '--snapshot',
    SAMPLE,
    '--profile',
    'aks',
    '--format',
    format,
    '--lang',
    'en',
    '--no-fail',
    ...(key ? ['--sign', key] : []),
    '--out',
    out,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return out;
}

/**
 * Someone with write access to the store edits a result, recomputes its hash in manifest.json and puts the
 * pack back: integrity holds, the signature over the manifest does not.
 */
async function editAndRehash(pack: string): Promise<void> {
  const assessmentFile = join(pack, 'assessment.json');
  const edited = (await readFile(assessmentFile, 'utf8')).replace('"status": "fail"', '"status": "pass"');
  await writeFile(assessmentFile, edited);
  const manifest = JSON.parse(await readFile(join(pack, 'manifest.json'), 'utf8')) as Manifest;
  const entry = manifest.files.find((f) => f.path === 'assessment.json')!;
  entry.sha256 = sha256(edited);
  entry.size = Buffer.byteLength(edited);
  await writeFile(join(pack, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Puts a pack's files in the container as they are, bypassing uploadPack's checks (as an attacker would). */
async function putRaw(pack: string, prefix: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    const body = await readFile(join(pack, path));
    await client.getBlockBlobClient(`${prefix}${path}`).upload(body, body.length);
  }
}

beforeAll(async () => {
  work = await tempDir('signed-fleet');
  const ca = rsaIdentity('Fleet Compliance CA', undefined, true);
  const signer = rsaIdentity('Evidence Signer', ca);
  const mallory = rsaIdentity('Mallory');
  files.signer = join(work, 'signer.pem');
  await writeFile(files.signer, signer.key + signer.cert + ca.cert);
  files.mallory = join(work, 'mallory.pem');
  await writeFile(files.mallory, mallory.key + mallory.cert);
  files.ca = join(work, 'ca.pem');
  await writeFile(files.ca, ca.cert);
  const [started] = await Promise.all([
    startAzurite(),
    // With a PDF: its own CMS signature is checked by fleet report too, from the bytes read out of the store.
    writePack(join(work, 'signed'), files.signer, 'json,pdf').then((dir) => (signed = dir)),
  ]);
  azurite = started;
  ({ client } = await azurite.container('evidence'));
  sas = await client.generateSasUrl({
    permissions: ContainerSASPermissions.parse('racwl'),
    expiresOn: new Date(Date.now() + 3.6e6),
  });
}, 400_000);
afterAll(async () => {
  await azurite?.stop();
});

describe('signed packs through the Blob store', { timeout: 300_000 }, () => {
  it('uploadPack sends manifest.jws after every listed file and before manifest.json', async () => {
    const order: string[] = [];
    const result = await uploadPack(signed, client, {
      clusterId: 'signed-good',
      onFile: (n) => order.push(n),
    });
    const manifest = JSON.parse(await readFile(join(signed, 'manifest.json'), 'utf8')) as Manifest;
    expect(result.files).toBe(manifest.files.length + 2);
    expect(order.slice(-2)).toEqual([`${result.prefix}manifest.jws`, `${result.prefix}manifest.json`]);
    expect(order.slice(0, -2).sort()).toEqual(manifest.files.map((f) => result.prefix + f.path).sort());
    const created = new Map<string, number>();
    for await (const blob of client.listBlobsFlat({ prefix: result.prefix }))
      created.set(blob.name.slice(result.prefix.length), blob.properties.createdOn!.getTime());
    expect(created.get('manifest.jws')!).toBeLessThanOrEqual(created.get('manifest.json')!);
    const stored = await client.getBlobClient(`${result.prefix}manifest.jws`).downloadToBuffer();
    expect(stored.equals(await readFile(join(signed, 'manifest.jws')))).toBe(true);
  });

  it('a pack already in the store is not touched again: not its files, not its signature', async () => {
    const jws = client.getBlobClient(`signed-good/${await stampOf(signed)}manifest.jws`);
    const before = await jws.getProperties();
    await expect(uploadPack(signed, client, { clusterId: 'signed-good' })).rejects.toThrow(
      /409 BlobAlreadyExists: this pack is already in the store/,
    );
    const after = await jws.getProperties();
    expect(after.etag).toBe(before.etag);
  });

  it('uploadPack refuses a pack whose signature no longer matches its manifest, before sending anything', async () => {
    const edited = join(work, 'edited');
    await cp(signed, edited, { recursive: true });
    await editAndRehash(edited);
    await expect(uploadPack(edited, client, { clusterId: 'signed-edited' })).rejects.toThrow(
      /manifest\.jws: the manifest signature does not match manifest\.json/,
    );
    const names: string[] = [];
    for await (const blob of client.listBlobsFlat({ prefix: 'signed-edited/' })) names.push(blob.name);
    expect(names).toEqual([]);
    // Written into the store by hand, manifest last, as a tampering would.
    const manifest = JSON.parse(await readFile(join(edited, 'manifest.json'), 'utf8')) as Manifest;
    await putRaw(edited, `signed-edited/${await stampOf(edited)}`, [
      ...manifest.files.map((f) => f.path),
      'manifest.jws',
      'manifest.json',
    ]);
  });

  it('fleet report checks each signature: the tampered pack is refused and never counted', async () => {
    // Two more clusters: one signed by a key nobody trusts, one unsigned.
    await uploadPack(await writePack(join(work, 'mallory'), files.mallory), client, {
      clusterId: 'signed-mallory',
    });
    await uploadPack(await writePack(join(work, 'unsigned')), client, { clusterId: 'unsigned' });

    const out = join(work, 'report');
    const result = await runCli([
      'fleet',
      'report',
      '--from',
      sas,
      '--framework',
      FRAMEWORK,
      '--lang',
      'en',
      '--format',
      'json,pdf',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /refused signed-edited\/\d{8}T\d{6}Z: fails its signature check: the manifest signature does not match manifest\.json/,
    );
    const report = JSON.parse(await readFile(join(out, 'fleet-report.json'), 'utf8')) as {
      clusters: { id: string; signature: string; signer?: string; manifestSha256: string }[];
      rejected: { pack: string; kind: string; latest: boolean }[];
    };
    expect(report.clusters.map((c) => [c.id, c.signature])).toEqual([
      ['signed-good', 'signed-unchecked'],
      ['signed-mallory', 'signed-unchecked'],
      ['unsigned', 'unsigned'],
    ]);
    const good = report.clusters[0]!;
    expect(good.signer).toMatch(/^CN=Evidence Signer \(certificate SHA-256 [0-9a-f]{64}\)$/);
    expect(good.manifestSha256).toBe(sha256(await readFile(join(signed, 'manifest.json'))));
    expect(report.rejected).toEqual([
      {
        pack: expect.stringMatching(/^signed-edited\//),
        kind: 'authenticity',
        latest: true,
        reason: expect.any(String),
      },
    ]);
    const text = pdfText(join(out, 'fleet-report.pdf'));
    expect(text).toMatch(/signed-edited\/\s+Latest\s+signature check failed/);
    expect(text).toContain('1 of 4 clusters without a recent scan');
  });

  it('fleet report --trust CA counts only packs signed under it', async () => {
    const out = join(work, 'report-trust');
    const result = await runCli([
      'fleet',
      'report',
      '--from',
      sas,
      '--framework',
      FRAMEWORK,
      '--format',
      'json',
      '--trust',
      files.ca,
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'fleet-report.json'), 'utf8')) as {
      clusters: { id: string; signature: string }[];
      rejected: { pack: string; kind: string; reason: string }[];
    };
    expect(report.clusters.map((c) => [c.id, c.signature])).toEqual([['signed-good', 'trusted']]);
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.pack.split('/')[0], r.reason]));
    expect(reasons).toEqual({
      'signed-edited': 'fails its signature check: the manifest signature does not match manifest.json',
      'signed-mallory': expect.stringMatching(
        /^fails its signature check: CN=Mallory \(certificate SHA-256 [0-9a-f]{64}\): signed by a key that is not trusted$/,
      ),
      unsigned: 'fails its signature check: the pack is not signed (no manifest.jws)',
    });
    expect(report.rejected.every((r) => r.kind === 'authenticity')).toBe(true);
    expect(result.stderr).toContain('1 of 1 counted packs signed (trusted)');
  });

  it('fleet report --trust refuses an unreadable trust file with exit 2', async () => {
    const bad = join(work, 'not-a-cert.pem');
    await writeFile(bad, 'hello');
    const result = await runCli([
      'fleet',
      'report',
      '--from',
      sas,
      '--framework',
      FRAMEWORK,
      '--trust',
      bad,
      '--out',
      join(work, 'x'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected PEM certificates or public keys to trust');
  });
});

/** "<stamp>/" of a written pack, from its manifest's createdAt, as uploadPack names its folder. */
async function stampOf(pack: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(pack, 'manifest.json'), 'utf8')) as Manifest;
  return `${packStamp(manifest.createdAt)}/`;
}
