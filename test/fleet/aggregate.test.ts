// aggregateFleet on a directory store: compare() gets the manifest's exact text (not its hash), so the manifest's SHA-256 and a signature over it check out.
import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFramework, loadCatalogue } from '../../src/catalogue/load.js';
import { aggregateFleet } from '../../src/fleet/aggregate.js';
import { DirectoryStore } from '../../src/fleet/pack-store.js';
import { loadTrust } from '../../src/pack/sign/trust.js';
import { runCli } from '../helpers/cli.js';
import { rsaIdentity } from '../helpers/signing-cert.js';
import { SAMPLE, tempDir } from '../render/sample.js';

const FRAMEWORK = 'cis-kubernetes-1.11.1';
const STAMP = '20261201T080000Z';
let work: string;
let store: string;
let caFile: string;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  work = await tempDir('fleet-aggregate');
  store = join(work, 'store');
  const ca = rsaIdentity('Fleet Test CA', undefined, true);
  const signer = rsaIdentity('Fleet Signer', ca);
  const key = join(work, 'signer.pem');
  await writeFile(key, signer.key + signer.cert + ca.cert);
  caFile = join(work, 'ca.pem');
  await writeFile(caFile, ca.cert);
  const signed = join(store, 'signed', STAMP);
  const result = await runCli([
    'report',
    '--snapshot',
    SAMPLE,
    '--profile',
    'aks',
    '--format',
    'json',
    '--no-fail',
    '--sign',
    key,
    '--out',
    signed,
  ]);
  expect(result.code, result.stderr).toBe(0);
  // The same pack without its signature: integrity only.
  await cp(signed, join(store, 'unsigned', STAMP), { recursive: true });
  await rm(join(store, 'unsigned', STAMP, 'manifest.jws'));
}, 240_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('aggregateFleet', { timeout: 120_000 }, () => {
  it("records each counted pack's manifest SHA-256 as stored, and checks a signature over the manifest's exact text", async () => {
    const framework = getFramework(await loadCatalogue(), FRAMEWORK);
    const report = await aggregateFleet(new DirectoryStore(store), { framework, staleDays: 30, history: 0 });
    expect(report.rejected).toEqual([]);
    const manifestText = await readFile(join(store, 'signed', STAMP, 'manifest.json'));
    const byId = Object.fromEntries(report.clusters.map((c) => [c.id, c]));
    // Given a hash where the text belongs, compare() hashes the hash, and the JWS check fails.
    expect(byId.signed!.manifestSha256).toBe(sha256(manifestText));
    expect(byId.unsigned!.manifestSha256).toBe(sha256(manifestText));
    expect(byId.signed!.signature).toBe('signed-unchecked');
    expect(byId.signed!.signer).toMatch(/^CN=Fleet Signer \(certificate SHA-256 [0-9a-f]{64}\)$/);
    expect(byId.unsigned!.signature).toBe('unsigned');
    expect(byId.unsigned!.signer).toBeUndefined();
  });

  it('with trust anchors, a signed pack is trusted and an unsigned one is refused as not authentic', async () => {
    const framework = getFramework(await loadCatalogue(), FRAMEWORK);
    const report = await aggregateFleet(new DirectoryStore(store), {
      framework,
      staleDays: 30,
      history: 0,
      trust: await loadTrust(caFile),
    });
    expect(report.clusters.map((c) => [c.id, c.signature])).toEqual([['signed', 'trusted']]);
    expect(report.rejected).toEqual([
      {
        pack: `unsigned/${STAMP}`,
        kind: 'authenticity',
        latest: true,
        reason: 'fails its signature check: the pack is not signed (no manifest.jws)',
      },
    ]);
    expect(report.coverage).toMatchObject({ clusters: 2, stale: [{ id: 'unsigned', reason: 'refused' }] });
  });

  it('an older pack in the trend is checked the same way: a broken signature refuses it, the latest still counts', async () => {
    const older = join(store, 'signed', '20261101T080000Z');
    await cp(join(store, 'signed', STAMP), older, { recursive: true });
    const manifest = join(older, 'manifest.json');
    // One space more: the same JSON, other bytes; the hashes still match, the signature does not.
    await writeFile(manifest, `${await readFile(manifest, 'utf8')} `);
    try {
      const framework = getFramework(await loadCatalogue(), FRAMEWORK);
      const report = await aggregateFleet(new DirectoryStore(store), {
        framework,
        staleDays: 30,
        history: 3,
      });
      expect(report.clusters.find((c) => c.id === 'signed')).toMatchObject({ history: 0 });
      expect(report.rejected).toEqual([
        {
          pack: 'signed/20261101T080000Z',
          kind: 'authenticity',
          latest: false,
          reason: 'fails its signature check: the manifest signature does not match manifest.json',
        },
      ]);
    } finally {
      await rm(older, { recursive: true, force: true });
    }
  });
});
