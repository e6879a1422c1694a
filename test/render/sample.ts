// Test helpers: the aks-prod sample evaluated in memory, temp directories, and poppler read-backs.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Assessment } from '../../src/model/assessment.js';

export const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'aks-prod');

export async function sampleAssessment(framework = 'cis-kubernetes-1.11.1'): Promise<Assessment> {
  return evaluate(await loadSnapshot(SAMPLE), await loadCatalogue(), { framework, profile: 'aks' });
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `kube-evidence-${prefix}-`));
}

/** Text of a PDF; `layout` keeps columns apart, raw keeps each table cell's lines together. */
export function pdfText(file: string, layout = true): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}
