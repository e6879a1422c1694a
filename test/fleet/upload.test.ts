// Packs to Azure Blob Storage: uploaded under <cluster>/<timestamp>/ to a real Azurite, manifest last, never replaced, checked before sending.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerSASPermissions } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContainer } from '../../src/fleet/blob-container.js';
import { uploadPack, UploadError } from '../../src/fleet/upload.js';
import type { Manifest } from '../../src/pack/manifest.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { runCli } from '../helpers/cli.js';

let azurite: Azurite;
let work: string;
let pack: string;
let manifest: Manifest;

const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'aks-prod');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-upload-'));
  pack = join(work, 'pack');
  const [started, written] = await Promise.all([
    startAzurite(),
    runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--format',
      'json,xlsx',
      '--no-fail',
      '--out',
      pack,
    ]),
  ]);
  azurite = started;
  expect(written.code).toBe(0);
  manifest = JSON.parse(await readFile(join(pack, 'manifest.json'), 'utf8')) as Manifest;
}, 240_000);
afterAll(async () => {
  await azurite?.stop();
  await rm(work, { recursive: true, force: true });
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('uploadPack', { timeout: 180_000 }, () => {
  it('writes every manifest file under <cluster>/<timestamp>/, the manifest last, and the copy verifies', async () => {
    const { client } = await azurite.container('packs-1');
    const order: string[] = [];
    const result = await uploadPack(pack, client, { onFile: (name) => order.push(name) });
    const stamp = manifest.createdAt.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
    expect(result.prefix).toBe(`aks-payments-prod/${stamp}/`);
    expect(order.at(-1)).toBe(`${result.prefix}manifest.json`);
    expect(order).toHaveLength(manifest.files.length + 1);

    const blobs = new Map<string, Date>();
    for await (const blob of client.listBlobsFlat()) blobs.set(blob.name, blob.properties.createdOn!);
    expect([...blobs.keys()].sort()).toEqual(
      [...manifest.files.map((f) => result.prefix + f.path), `${result.prefix}manifest.json`].sort(),
    );
    const manifestCreated = blobs.get(`${result.prefix}manifest.json`)!.getTime();
    for (const [name, created] of blobs) expect(created.getTime(), name).toBeLessThanOrEqual(manifestCreated);
    // What a reader downloads hashes to what the manifest says.
    for (const file of manifest.files) {
      const body = await client.getBlockBlobClient(result.prefix + file.path).downloadToBuffer();
      expect(sha256(body), file.path).toBe(file.sha256);
    }
  });

  it('never replaces a pack already in the store', async () => {
    const { client } = await azurite.container('packs-2');
    await uploadPack(pack, client);
    await expect(uploadPack(pack, client)).rejects.toThrow(
      /409 BlobAlreadyExists: this pack is already in the store/,
    );
  });

  it('a file changed since the manifest stops the upload before anything is sent', async () => {
    const changed = join(work, 'changed');
    await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--format',
      'json',
      '--no-fail',
      '--out',
      changed,
    ]);
    await writeFile(join(changed, 'assessment.json'), '{}');
    const { client } = await azurite.container('packs-3');
    await expect(uploadPack(changed, client)).rejects.toThrow(
      /assessment\.json: changed since the manifest was written/,
    );
    const names: string[] = [];
    for await (const blob of client.listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual([]);
  });

  it('a store that refuses gives an UploadError with the status, never the URL', async () => {
    const { client } = await azurite.container('packs-4');
    const readOnly = await client.generateSasUrl({
      permissions: ContainerSASPermissions.parse('rl'),
      expiresOn: new Date(Date.now() + 3.6e6),
    });
    const error = await uploadPack(pack, openContainer(readOnly, '--upload')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as Error).message).toMatch(/failed: 403 AuthorizationPermissionMismatch/);
    expect((error as Error).message).not.toContain('sig=');
  });
});

describe('fleet upload and scan --upload options', { timeout: 180_000 }, () => {
  it('fleet upload takes a SAS URL and names the prefix; the SAS never appears in the output', async () => {
    const { client } = await azurite.container('packs-5');
    const sas = await client.generateSasUrl({
      permissions: ContainerSASPermissions.parse('racwl'),
      expiresOn: new Date(Date.now() + 3.6e6),
    });
    const result = await runCli([
      'fleet',
      'upload',
      '--pack',
      pack,
      '--to',
      sas,
      '--cluster-id',
      'payments-eu',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /uploaded \d+ files \(\d+ bytes\) to http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/packs-5\?<SAS redacted> under payments-eu\/\d{8}T\d{6}Z\//,
    );
    expect(result.stderr).not.toContain(new URL(sas).searchParams.get('sig')!);
    const again = await runCli([
      'fleet',
      'upload',
      '--pack',
      pack,
      '--to',
      sas,
      '--cluster-id',
      'payments-eu',
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already in the store; the pack is kept in');
  });

  it.each([
    [
      ['--to', 'http://storage.example.com/c'],
      '--to: http://storage.example.com/c: expected an https:// container URL',
    ],
    [['--to', 'https://acct.blob.core.windows.net/'], "expected a container in the URL's path"],
    [['--to', 'not a url'], '--to: <not a URL> is not a container URL'],
    [
      ['--to', 'https://a.blob.core.windows.net/c', '--cluster-id', '../etc'],
      '--cluster-id: "../etc" is not a usable cluster id',
    ],
  ])('rejects %j with exit 2', async (args, message) => {
    const result = await runCli(['fleet', 'upload', '--pack', pack, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
