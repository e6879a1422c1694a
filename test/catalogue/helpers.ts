// Shared helpers for the catalogue tests: the reference tables and a scratch copy of profiles/ to break on purpose.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROFILES_DIR } from '../../src/catalogue/load.js';

export const REFERENCE_DIR = '/work/shared/reference';

export interface AksReferenceRow {
  id: string;
  title: string;
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
  requirement: string;
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
