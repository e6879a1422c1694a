// `report` pack layouts through the CLI: --framework all (one folder per framework, shared snapshot/), --zip only, and no browser.
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { main } from '../../src/cli/main.js';
import type { Manifest } from '../../src/pack/manifest.js';
import { verifyPack } from '../../src/pack/verify.js';
import { SAMPLE, tempDir } from '../render/sample.js';

const savedChrome = process.env.KUBE_EVIDENCE_CHROME;

afterEach(() => {
  process.exitCode = undefined;
  if (savedChrome === undefined) delete process.env.KUBE_EVIDENCE_CHROME;
  else process.env.KUBE_EVIDENCE_CHROME = savedChrome;
  vi.restoreAllMocks();
});

async function run(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const code = await main(['node', 'kube-evidence', ...args]);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { code, err };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('report packs', () => {
  it('--framework all writes one folder per framework for the provider, one shared snapshot/ and one manifest', async () => {
    const out = join(await tempDir('all'), 'pack');
    const { code } = await run([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--framework',
      'all',
      '--out',
      out,
      '--format',
      'json,xlsx',
      '--no-fail',
    ]);
    expect(code).toBe(0);
    // Every framework written for AKS (or any provider), one version of each benchmark: CIS Kubernetes by cluster version.
    const catalogue = await loadCatalogue();
    const ids = [...catalogue.frameworks.values()]
      .filter((f) => !f.providers || f.providers.includes('aks'))
      .filter((f) => f.benchmark !== 'cis-kubernetes' || f.id === 'cis-kubernetes-1.11.1')
      .map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['cis-aks-1.8.0', 'cis-kubernetes-1.11.1', 'nsa-cisa-1.2']));
    expect(ids).not.toContain('cis-kubernetes-1.12.0');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.reports.map((r) => r.dir).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await exists(join(out, id, 'assessment.json'))).toBe(true);
    expect((await readdir(out)).sort()).toEqual([...ids, 'manifest.json', 'snapshot'].sort());
    expect((await verifyPack(out)).ok).toBe(true);
  });

  it('--zip alone writes only the ZIP, and it verifies', async () => {
    const root = await tempDir('zip-only');
    const zip = join(root, 'pack.zip');
    const { code } = await run([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--zip',
      zip,
      '--format',
      'json',
      '--no-fail',
    ]);
    expect(code).toBe(0);
    expect(await readdir(root)).toEqual(['pack.zip']);
    expect((await verifyPack(zip)).ok).toBe(true);
  });

  it('without --out or --zip is a usage error', async () => {
    const { code, err } = await run(['report', '--snapshot', SAMPLE, '--profile', 'aks']);
    expect(code).toBe(2);
    expect(err).toContain('--out');
  });

  it('without a browser still writes the JSON and the workbook, with a one-line message', async () => {
    process.env.KUBE_EVIDENCE_CHROME = '/nonexistent';
    const out = join(await tempDir('nobrowser'), 'pack');
    const { code, err } = await run([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--out',
      out,
      '--no-fail',
    ]);
    expect(code).toBe(0);
    expect(await exists(join(out, 'assessment.json'))).toBe(true);
    expect(await exists(join(out, 'report.xlsx'))).toBe(true);
    expect(await exists(join(out, 'report.pdf'))).toBe(false);
    const warnings = err.split('\n').filter((l) => l.includes('/nonexistent'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the PDF was not written');
    expect((await verifyPack(out)).ok).toBe(true);
  });

  it('without a browser, asking only for the PDF exits 2', async () => {
    process.env.KUBE_EVIDENCE_CHROME = '/nonexistent';
    const out = join(await tempDir('pdfonly'), 'pack');
    const { code } = await run([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--out',
      out,
      '--format',
      'pdf',
    ]);
    expect(code).toBe(2);
    expect(await exists(join(out, 'report.pdf'))).toBe(false);
  });

  it('a browser that does not start: one line, no stack, JSON and workbooks written and hashed', async () => {
    const root = await tempDir('broken-browser');
    const chrome = join(root, 'chrome');
    await writeFile(
      chrome,
      '#!/bin/sh\necho "chrome: error while loading shared libraries: libnss3.so" >&2\nexit 127\n',
    );
    await chmod(chrome, 0o755);
    process.env.KUBE_EVIDENCE_CHROME = chrome;
    const out = join(root, 'pack');
    const { code, err } = await run([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--framework',
      'all',
      '--out',
      out,
      '--no-fail',
    ]);
    // Exit 4: the pack is complete but for its PDF (README, "Exit codes").
    expect(code).toBe(4);
    const warnings = err.split('\n').filter((l) => l.includes('failed to start'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^kube-evidence: the browser .*chrome failed to start \(.*\); set KUBE_EVIDENCE_CHROME .*the pack was written without the PDF \(exit 4\)$/,
    );
    expect(err).not.toMatch(/^\s+at /m);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const paths = manifest.files.map((f) => f.path);
    for (const report of manifest.reports) {
      expect(paths).toContain(`${report.dir}/assessment.json`);
      expect(paths).toContain(`${report.dir}/report.xlsx`);
      expect(paths).not.toContain(`${report.dir}/report.pdf`);
    }
    expect((await verifyPack(out)).ok).toBe(true);
  });
});
