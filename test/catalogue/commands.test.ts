// `rules list` and `profiles show|matrix` through the CLI entry point: JSON rows, CSV, and the comparison workbook.
import ExcelJS from 'exceljs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'kube-evidence', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

interface Row {
  id: string;
  title: string;
  level?: string;
  assessment: string;
  mapping: string;
  published?: string;
  reason?: string;
  responsibility: string;
  checks: string[];
}

describe('rules list', () => {
  it('gives 132 CIS rows under aks with mapping, published result, reason and responsibility', async () => {
    const { code, stdout } = await run(
      'rules',
      'list',
      '--framework',
      'cis-kubernetes-1.11.1',
      '--profile',
      'aks',
      '--format',
      'json',
      '--lang',
      'en',
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Row[];
    expect(rows).toHaveLength(132);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining(['id', 'title', 'level', 'assessment', 'mapping', 'responsibility', 'checks']),
      );
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('1.2.2')).toMatchObject({
      mapping: 'provider-attested',
      published: 'fail',
      responsibility: 'provider',
    });
    expect(byId.get('1.1.1')).toMatchObject({ mapping: 'not-applicable' });
    expect(byId.get('1.1.1')!.published).toBeUndefined();
    expect(byId.get('4.2.1')).toMatchObject({ mapping: 'assessed', published: 'pass' });
    expect(byId.get('1.2.17')!.reason).toMatch(/14 days/);
  });

  it('gives 156 Q/KXY rows', async () => {
    const { stdout } = await run(
      'rules',
      'list',
      '--framework',
      'q-kxy-cs001-2023',
      '--profile',
      'kubeadm',
      '--format',
      'json',
    );
    const rows = JSON.parse(stdout) as Row[];
    expect(rows).toHaveLength(156);
    expect(rows.every((r) => r.mapping === 'assessed')).toBe(true);
  });

  it('writes CSV with a header and one line per requirement', async () => {
    const { stdout } = await run(
      'rules',
      'list',
      '--framework',
      'nsa-cisa-1.2',
      '--profile',
      'self-managed',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'framework,id,section,title,level,assessment,strength,mapping,published,responsibility,reason,checks',
    );
    expect(lines.length).toBe(1 + 36);
  });

  it('rejects an unknown format with exit code 2', async () => {
    const { code, stderr } = await run('rules', 'list', '--format', 'yaml');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--format: "yaml" is not one of table, json, csv/);
  });
});

describe('profiles', () => {
  it('show prints the resolved profile', async () => {
    const { code, stdout } = await run('profiles', 'show', 'aks', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^aks: Azure Kubernetes Service/);
    expect(stdout).toContain('ms-aks-cis-1.11.1');
    expect(stdout).toContain('apiserver-anonymous-auth');
  });

  it('matrix writes a workbook with one column group per provider', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'kube-evidence-matrix-')), 'matrix.xlsx');
    const { code } = await run(
      'profiles',
      'matrix',
      '--framework',
      'cis-kubernetes-1.11.1',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2 + 132);
    const providers = [7, 11, 15].map((c) => String(sheet.getRow(1).getCell(c).value));
    expect(providers).toEqual(['Azure Kubernetes Service (AKS)', 'kubeadm cluster', 'Self-managed cluster']);
    expect(sheet.getRow(2).getCell(7).value).toBe('Mapping');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe('1.1.1');
    expect(row.getCell(7).value).toBe('Not applicable');
    expect(row.getCell(11).value).toBe('Assessed');
    expect(row.alignment?.wrapText ?? row.getCell(3).alignment?.wrapText).toBe(true);
  });
});

describe('the current benchmarks in rules list and profiles matrix', () => {
  it('lists the 51 CIS AKS v1.8.0 rows under aks, section 5 decided by ARM checks', async () => {
    const { code, stdout } = await run(
      'rules',
      'list',
      '--framework',
      'cis-aks-1.8.0',
      '--profile',
      'aks',
      '--format',
      'json',
      '--lang',
      'en',
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Row[];
    expect(rows).toHaveLength(51);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('5.4.3')).toMatchObject({ mapping: 'assessed', checks: ['aks-no-node-public-ip'] });
    expect(byId.get('3.1.3')!.checks).toEqual(['file-azure-json-mode']);
  });

  it('lists every framework, the new ones included, when none is named', async () => {
    const { stdout } = await run('rules', 'list', '--format', 'json', '--lang', 'en');
    const frameworks = new Set((JSON.parse(stdout) as { framework: string }[]).map((r) => r.framework));
    for (const id of ['cis-aks-1.8.0', 'cis-kubernetes-1.12.0', 'aks-security-practices'])
      expect(frameworks.has(id), id).toBe(true);
  });

  it.each([
    ['cis-kubernetes-1.12.0', 131],
    ['cis-aks-1.8.0', 51],
    ['aks-security-practices', 12],
  ])('profiles matrix covers %s (%i rows) for every provider', async (framework, count) => {
    const out = join(await mkdtemp(join(tmpdir(), 'kube-evidence-matrix-')), 'matrix.xlsx');
    const { code } = await run('profiles', 'matrix', '--framework', framework, '--out', out, '--lang', 'zh');
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.rowCount).toBe(2 + count);
  });
});
