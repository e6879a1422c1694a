// `report --format all` through the CLI: every registered format is written, listed in the manifest, hashed and verified.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_RENDERERS, OUTPUT_FORMATS } from '../../../src/render/formats.js';
import type { Manifest } from '../../../src/pack/manifest.js';
import { verifyPack } from '../../../src/pack/verify.js';
import { runCli } from '../../helpers/cli.js';
import { SAMPLE, tempDir } from '../sample.js';

describe('report --format all', () => {
  it('writes every format for the sample, each file in the manifest with its SHA-256', async () => {
    const out = join(await tempDir('format-all'), 'pack');
    const run = await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--waivers',
      join(SAMPLE, 'waivers.yaml'),
      '--out',
      out,
      '--format',
      'all',
      '--lang',
      'en',
      '--no-fail',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const expected = OUTPUT_FORMATS.flatMap((f) => [...FORMAT_RENDERERS[f].files]);
    const present = await readdir(out);
    for (const name of expected) expect(present, name).toContain(name);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const hashed = new Set(manifest.files.map((f) => f.path));
    for (const name of expected) expect(hashed.has(name), name).toBe(true);
    expect(manifest.reports[0]!.files).toEqual(expected);
    const verified = await verifyPack(out);
    expect(verified.ok, JSON.stringify(verified)).toBe(true);
  }, 180_000);

  it('names "all" in the one-line usage error for an unknown format', async () => {
    const run = await runCli([
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
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--format.*"docx" is not "all" or a list of json, .*pdf/);
  });
});
