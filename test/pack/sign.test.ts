// Signed packs: report --sign (PEM or PKCS#12) signs manifest.json (detached JWS) and the PDF; verify --trust names the signer and catches any change.
import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../src/pack/sign/key.js';
import { signManifest } from '../../src/pack/sign/jws.js';
import { listFiles } from '../../src/pack/hash.js';
import { runCli } from '../helpers/cli.js';
import { pkcs12Of, rsaIdentity, type TestIdentity } from '../helpers/signing-cert.js';
import { SAMPLE, tempDir } from '../render/sample.js';

let work: string;
let ca: TestIdentity;
let signer: TestIdentity;
let mallory: TestIdentity;
let signedPack: string;
let signedZip: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  work = await tempDir('sign');
  ca = rsaIdentity('Example Compliance CA', undefined, true);
  signer = rsaIdentity('Evidence Signer', ca);
  mallory = rsaIdentity('Mallory');
  // Keys live in the test's temp directory only; none is committed.
  files.signerKey = join(work, 'signer.pem');
  await writeFile(files.signerKey, signer.key + signer.cert + ca.cert);
  files.caCert = join(work, 'ca.pem');
  await writeFile(files.caCert, ca.cert);
  files.signerCert = join(work, 'signer-cert.pem');
  await writeFile(files.signerCert, signer.cert);
  files.signerPublic = join(work, 'signer-public.pem');
  await writeFile(files.signerPublic, signer.publicKey);
  files.malloryKey = join(work, 'mallory.pem');
  await writeFile(files.malloryKey, mallory.key + mallory.cert);
  signedPack = join(work, 'signed');
  signedZip = join(work, 'signed.zip');
  const result = await runCli([
    'report',
    '--snapshot',
    SAMPLE,
    '--profile',
    'aks',
    '--out',
    signedPack,
    '--zip',
    signedZip,
    '--format',
    'json,pdf',
    '--lang',
    'en',
    '--no-fail',
    '--sign',
    files.signerKey,
  ]);
  expect(result.code, result.stderr).toBe(0);
}, 240_000);

async function copyOf(pack: string): Promise<string> {
  const copy = join(await tempDir('sign-copy'), 'pack');
  await cp(pack, copy, { recursive: true });
  return copy;
}

describe('signed packs', () => {
  it('verify --trust CA names the signer, for the directory and the ZIP', async () => {
    for (const target of [signedPack, signedZip]) {
      const result = await runCli(['verify', target, '--trust', files.caCert]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /authentic: signed by CN=Evidence Signer \(certificate SHA-256 [0-9a-f]{64}\)/,
      );
      expect(result.stdout).toMatch(/manifest\.json and 1 PDF/);
    }
  });

  it('trusts the signer certificate or its public key directly', async () => {
    expect((await runCli(['verify', signedPack, '--trust', files.signerCert])).code).toBe(0);
    expect((await runCli(['verify', signedPack, '--trust', files.signerPublic])).code).toBe(0);
  });

  it('without --trust: the signatures are checked and the signer named, authenticity not established', async () => {
    const result = await runCli(['verify', signedPack]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/signed by CN=Evidence Signer .*not checked against a trusted certificate/);
  });

  it('the PDF signature is valid to poppler (pdfsig), with the signer named', async () => {
    const out = execFileSync('pdfsig', [join(signedPack, 'report.pdf')], { encoding: 'utf8' });
    expect(out).toMatch(/Signer Certificate Common Name: Evidence Signer/);
    expect(out).toMatch(/Signature Validation: Signature is Valid\./);
  });

  it('a one-byte change anywhere in the pack fails verify --trust', { timeout: 180_000 }, async () => {
    const paths = await listFiles(signedPack);
    expect(paths).toEqual(expect.arrayContaining(['manifest.json', 'manifest.jws', 'report.pdf']));
    for (const path of paths) {
      const copy = await copyOf(signedPack);
      const file = join(copy, path);
      const bytes = await readFile(file);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      await writeFile(file, bytes);
      const result = await runCli(['verify', copy, '--trust', files.caCert]);
      expect(result.code, `${path}: ${result.stdout}${result.stderr}`).not.toBe(0);
    }
  });

  it('a pack whose hashes were recomputed and re-signed by an untrusted key fails', async () => {
    const copy = await copyOf(signedPack);
    const manifestPath = join(copy, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
      files: Array<{ path: string; sha256: string }>;
    };
    const forged = `${JSON.stringify({ ...manifest, files: manifest.files.filter((f) => !f.path.includes('pods')) }, null, 2)}\n`;
    await writeFile(manifestPath, forged);
    const mallorySigner = await loadSigningKey(files.malloryKey, undefined);
    await writeFile(join(copy, 'manifest.jws'), signManifest(forged, mallorySigner));
    const result = await runCli(['verify', copy, '--trust', files.caCert]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAILED/);
  });

  it('an unsigned pack verifies as integrity only; asking for --trust fails it', async () => {
    const unsigned = join(work, 'unsigned');
    expect(
      (
        await runCli([
          'report',
          '--snapshot',
          SAMPLE,
          '--profile',
          'aks',
          '--out',
          unsigned,
          '--format',
          'json',
          '--no-fail',
        ])
      ).code,
    ).toBe(0);
    const plain = await runCli(['verify', unsigned]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/integrity only, not authenticity/);
    const trusted = await runCli(['verify', unsigned, '--trust', files.caCert]);
    expect(trusted.code).toBe(1);
    expect(trusted.stdout).toMatch(/not signed/);
  });

  it('signs with a PKCS#12 file whose password comes from KUBE_EVIDENCE_SIGN_PASSWORD', async () => {
    const p12 = join(work, 'signer.p12');
    await writeFile(p12, pkcs12Of(signer, [ca], 'correct horse'));
    const out = join(work, 'p12-pack');
    const args = [
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--out',
      out,
      '--format',
      'json',
      '--no-fail',
      '--sign',
      p12,
    ];
    process.env.KUBE_EVIDENCE_SIGN_PASSWORD = 'wrong';
    try {
      const refused = await runCli(args);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).not.toContain('wrong');
      expect(await readdir(work)).not.toContain('p12-pack');
      process.env.KUBE_EVIDENCE_SIGN_PASSWORD = 'correct horse';
      expect((await runCli(args)).code).toBe(0);
    } finally {
      delete process.env.KUBE_EVIDENCE_SIGN_PASSWORD;
    }
    const result = await runCli(['verify', out, '--trust', files.caCert]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/CN=Evidence Signer/);
  });

  it('refuses a key without a matching certificate, and a non-RSA key, in one line before writing', async () => {
    const lonely = join(work, 'lonely.pem');
    await writeFile(lonely, signer.key + mallory.cert);
    const out = join(work, 'never');
    const result = await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--out',
      out,
      '--format',
      'json',
      '--sign',
      lonely,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no certificate given matches the private key/);
    const { generateKeyPairSync } = await import('node:crypto');
    const ec = join(work, 'ec.pem');
    await writeFile(
      ec,
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    );
    const ecResult = await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--out',
      out,
      '--format',
      'json',
      '--sign',
      ec,
    ]);
    expect(ecResult.code).toBe(2);
    expect(ecResult.stderr).toMatch(/expected an RSA key/);
    expect(await readdir(work)).not.toContain('never');
  });
});
