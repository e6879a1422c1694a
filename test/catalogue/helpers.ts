// Shared helpers for the catalogue tests: the reference tables and a scratch copy of profiles/ to break on purpose.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, PROFILES_DIR } from '../../src/catalogue/load.js';

/**
 * The machine-readable facts of the reference tables (Microsoft's published AKS results, the Q/KXY requirement list),
 * kept in the repository so a fresh clone tests itself; test/fixtures/reference/README.md says where they came from.
 */
export const REFERENCE_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'reference');
if (!existsSync(join(REFERENCE_DIR, 'aks-cis-kubernetes-v1.11.1-results.json'))) {
  throw new Error(`${REFERENCE_DIR} is missing: it ships with the repository`);
}

export interface AksReferenceRow {
  id: string;
  assessment?: 'automated' | 'manual';
  level?: 'L1' | 'L2';
  aks_status?: 'pass' | 'fail' | 'not-applicable' | 'equivalent-control' | 'environment-dependent';
  section?: boolean;
}

export interface QkxyReferenceRow {
  id: string;
  section: string;
  object: string;
  target: string | null;
  /** SHA-256 (hex) of the requirement's published Chinese text: the test finds it in the title without a copy of it. */
  requirementSha256: string;
  automated: boolean;
  strength: 'shall' | 'should';
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** A copy of profiles/ in a temporary directory, with one file's text replaced by `edit`. */
export async function brokenCatalogue(relative: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-evidence-catalogue-'));
  await cp(PROFILES_DIR, dir, { recursive: true });
  const file = join(dir, relative);
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit did not change ${relative}`);
  await writeFile(file, after);
  return dir;
}
