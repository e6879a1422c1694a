// Test helper: copy a snapshot to a scratch folder, change one file, and evaluate it in-process (no CLI, so fast).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue, type Catalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Assessment, RequirementResult } from '../../src/model/assessment.js';
import type { Facts } from '../../src/model/facts.js';

export const FRAMEWORKS = ['cis-kubernetes-1.11.1', 'q-kxy-cs001-2023', 'nsa-cisa-1.2'] as const;
export const NOW = new Date('2026-11-21T00:00:00Z');

let catalogue: Promise<Catalogue> | undefined;
export function sharedCatalogue(): Promise<Catalogue> {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** A scratch copy of a snapshot directory; `edit` may change files in it. */
export async function copySnapshot(from: string, edit?: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-evidence-ledger-'));
  await cp(from, dir, { recursive: true });
  if (edit) await edit(dir);
  return dir;
}

export async function removeSnapshot(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Parsed JSON a test reaches into by hand (a snapshot file's body): checked by the loader, not by the test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach arbitrary paths of arbitrary files
export type LooseJson = any;

/** Reads a JSON file of the snapshot, lets `change` edit it in place, and writes it back. */
export async function editJson(dir: string, file: string, change: (body: LooseJson) => void): Promise<void> {
  const path = join(dir, file);
  const body = JSON.parse(await readFile(path, 'utf8'));
  change(body);
  await writeFile(path, JSON.stringify(body, null, 2));
}

export function assessFacts(
  facts: Facts,
  cat: Catalogue,
  profile: string,
  framework: string = FRAMEWORKS[0],
): Assessment {
  return evaluate(facts, cat, { framework, profile, now: NOW });
}

export async function assessDir(dir: string, profile: string, framework: string = FRAMEWORKS[0]) {
  return assessFacts(await loadSnapshot(dir), await sharedCatalogue(), profile, framework);
}

export function resultOf(a: Assessment, id: string): RequirementResult {
  const result = a.results.find((r) => r.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

/** Every gap reason of the assessment, in one string, to look for a file or kind name. */
export function gapText(a: Assessment): string {
  return a.collection.gaps.map((g) => `${g.part} ${g.reason}`).join('\n');
}
