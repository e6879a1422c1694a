// `report --format all` through the CLI: every registered format is written in the pack's transaction, listed in
// the manifest, hashed, signed with --sign, zipped with --zip and accepted by `verify` (and a changed file is not).
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_RENDERERS, OUTPUT_FORMATS } from '../../../src/render/formats.js';
import type { Manifest } from '../../../src/pack/manifest.js';
import { verifyPack } from '../../../src/pack/verify.js';
import { runCli } from '../../helpers/cli.js';
import { rsaIdentity } from '../../helpers/signing-cert.js';
import { SAMPLE, tempDir } from '../sample.js';

/** The exchange formats: every format but the PDF and the workbook (the ones a browser or a sheet writer print). */
const EXCHANGE = OUTPUT_FORMATS.filter((f) => f !== 'pdf' && f !== 'xlsx');

let work: string;
let out: string;
let zip: string;
let caCert: string;
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  work = await tempDir('format-all');
  const ca = rsaIdentity('Example Compliance CA', undefined, true);
  const signer = rsaIdentity('Evidence Signer', ca);
  const key = join(work, 'signer.pem');
  await writeFile(key, signer.key + signer.cert + ca.cert);
  caCert = join(work, 'ca.pem');
  await writeFile(caCert, ca.cert);
  out = join(work, 'pack');
  zip = join(work, 'pack.zip');
  // One framework, so one PDF is printed.
  run = await runCli([
    'report',
    '--snapshot',
    SAMPLE,
    '--profile',
    'aks',
    '--waivers',
    join(SAMPLE, 'waivers.yaml'),
    '--out',
    out,
    '--zip',
    zip,
    '--format',
    'all',
    '--lang',
    'en',
    '--no-fail',
    '--sign',
    key,
  ]);
}, 300_000);

describe('report --format all', () => {
  it('writes every format for the sample, each file in the manifest with its SHA-256', async () => {
    expect(run.code, run.stderr).toBe(0);
    const expected = OUTPUT_FORMATS.flatMap((f) => [...FORMAT_RENDERERS[f].files]);
    const present = await readdir(out);
    for (const name of expected) expect(present, name).toContain(name);
    // Built beside --out and swapped in: nothing of the transaction is left behind.
    expect((await readdir(work)).sort()).toEqual(['ca.pem', 'pack', 'pack.zip', 'signer.pem']);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const hashed = new Set(manifest.files.map((f) => f.path));
    for (const name of expected) expect(hashed.has(name), name).toBe(true);
    expect(manifest.reports[0]!.files).toEqual(expected);
    const verified = await verifyPack(out);
    expect(verified.ok, JSON.stringify(verified)).toBe(true);
  });

  it('`verify --trust` accepts the signed directory and the ZIP', async () => {
    for (const target of [out, zip]) {
      const result = await runCli(['verify', target, '--trust', caCert]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/authentic: signed by CN=Evidence Signer/);
      expect(result.stdout).toMatch(/manifest\.json and 1 PDF/);
    }
  });

  it('the signature covers the exchange formats: changing any of them fails verify', async () => {
    for (const format of EXCHANGE) {
      const name = FORMAT_RENDERERS[format].files[0]!;
      const copy = join(await tempDir('format-all-tamper'), 'pack');
      await cp(out, copy, { recursive: true });
      const text = await readFile(join(copy, name));
      await writeFile(join(copy, name), Buffer.concat([text, Buffer.from(' ')]));
      const result = await runCli(['verify', copy, '--trust', caCert]);
      expect(result.code, `${name}: ${result.stdout}`).toBe(1);
      expect(result.stdout + result.stderr, name).toContain(name);
    }
  });

  it('with several frameworks, each framework folder holds every exchange format, hashed and verified', async () => {
    const pack = join(await tempDir('format-all-frameworks'), 'pack');
    const result = await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--framework',
      'all',
      '--out',
      pack,
      '--format',
      EXCHANGE.join(','),
      '--lang',
      'zh',
      '--no-fail',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(pack, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.reports.length).toBeGreaterThan(1);
    const hashed = new Set(manifest.files.map((f) => f.path));
    for (const report of manifest.reports) {
      const expected = EXCHANGE.flatMap((f) => FORMAT_RENDERERS[f].files.map((n) => `${report.dir}/${n}`));
      expect(report.files).toEqual(expected);
      for (const name of expected) expect(hashed.has(name), name).toBe(true);
    }
    const verified = await runCli(['verify', pack]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  }, 240_000);

  it('names "all" in the one-line usage error for an unknown format', async () => {
    const result = await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--out',
      '/tmp/x',
      '--format',
      'docx',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format.*"docx" is not "all" or a list of json, .*pdf/);
  });
});
