// Shared helpers for the catalogue tests: the reference tables and a scratch copy of profiles/ to break on purpose.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, PROFILES_DIR } from '../../src/catalogue/load.js';

/**
 * The project's shared reference tables (Microsoft's AKS results, the Q/KXY requirement list) sit in shared/reference
 * beside the checkout; KUBE_EVIDENCE_REFERENCE points elsewhere. They are not copied into the repo.
 */
export const REFERENCE_DIR = [
  process.env.KUBE_EVIDENCE_REFERENCE,
  join(PACKAGE_ROOT, '..', 'shared', 'reference'),
]
  .filter((dir): dir is string => Boolean(dir))
  .find((dir) => existsSync(join(dir, 'aks-cis-kubernetes-v1.11.1-results.json')));
if (!REFERENCE_DIR) {
  throw new Error(
    'shared/reference not found beside the checkout: set KUBE_EVIDENCE_REFERENCE to its folder',
  );
}

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
