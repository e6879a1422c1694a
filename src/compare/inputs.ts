// Resolves `compare` arguments (assessment.json files or pack directories) to the assessments to compare.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SplitLimits } from '../util/json-split.js';
import { InputError } from '../util/errors.js';
import type { ComparedAssessment } from './compared.js';
import { ASSESSMENT_LIMITS, readAssessmentForComparison } from './read-assessment.js';

export interface LoadedAssessment {
  file: string;
  sha256: string;
  assessment: ComparedAssessment;
}

/**
 * What one argument offered: one assessment read, or the assessment.json of each framework subdirectory of a
 * pack, by the framework id its directory is named after; only the one picked is read.
 */
type Candidates =
  | { arg: string; direct: true; loaded: LoadedAssessment }
  | { arg: string; direct: false; byFramework: Map<string, string> };

export async function loadAssessmentFile(
  file: string,
  limits: SplitLimits = ASSESSMENT_LIMITS,
): Promise<LoadedAssessment> {
  const { assessment, sha256 } = await readAssessmentForComparison(file, limits);
  return { file, sha256, assessment };
}

/**
 * Each argument is an assessment.json or a pack directory. A pack that holds one subdirectory per framework
 * offers several; --framework picks one, otherwise the one framework every argument offers is used.
 */
export async function resolveAssessments(args: string[], framework?: string): Promise<LoadedAssessment[]> {
  if (args.length < 2)
    throw InputError.at(
      undefined,
      'arguments',
      'expected two or more assessments (assessment.json files or pack directories) to compare',
    );
  const all: Candidates[] = [];
  for (const arg of args) all.push(await candidatesOf(arg));
  const chosen = framework ?? commonFramework(all);
  const loaded: LoadedAssessment[] = [];
  // One at a time: only the assessments compared are ever read, and each is read once.
  for (const candidates of all) loaded.push(await pick(candidates, chosen));
  return loaded;
}

async function candidatesOf(arg: string): Promise<Candidates> {
  const info = await stat(arg).catch(() => undefined);
  if (!info)
    throw InputError.at(arg, undefined, 'not found (expected an assessment.json or a pack directory)');
  if (info.isFile()) return { arg, direct: true, loaded: await loadAssessmentFile(arg) };
  const direct = join(arg, 'assessment.json');
  if (await isFile(direct)) return { arg, direct: true, loaded: await loadAssessmentFile(direct) };
  const byFramework = new Map<string, string>();
  const entries = await readdir(arg, { withFileTypes: true });
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(arg, entry.name, 'assessment.json');
    // `report` names each framework's directory after the framework id; the one read is checked against it.
    if (await isFile(file)) byFramework.set(entry.name, file);
  }
  if (byFramework.size === 0)
    throw InputError.at(
      arg,
      undefined,
      'expected an assessment.json, or one subdirectory per framework each holding one',
    );
  return { arg, byFramework, direct: false };
}

/** The framework ids an argument offers. */
function offered(c: Candidates): string[] {
  return c.direct ? [c.loaded.assessment.framework.id] : [...c.byFramework.keys()];
}

/** Without --framework: a pack offering several frameworks is resolved by the framework all arguments share. */
function commonFramework(all: Candidates[]): string | undefined {
  const packs = all.filter((c) => offered(c).length > 1);
  if (packs.length === 0) return undefined;
  // The frameworks of every argument: a direct assessment offers just its own.
  const shared = offered(packs[0]!).filter((id) => all.every((c) => offered(c).includes(id)));
  if (shared.length === 1) return shared[0];
  throw InputError.at(
    packs[0]!.arg,
    undefined,
    `holds assessments of several frameworks (${offered(packs[0]!).join(', ')}); pick one with --framework`,
  );
}

async function pick(candidates: Candidates, framework: string | undefined): Promise<LoadedAssessment> {
  // An assessment given directly is compared as it is; a framework mismatch is caught later, with --framework-map.
  if (candidates.direct) return candidates.loaded;
  const { arg, byFramework } = candidates;
  const ids = [...byFramework.keys()];
  // A benchmark id (cis-kubernetes) picks the one version the pack holds, so last year's v1.11.1 pack meets this year's v1.12.0.
  const versions =
    framework === undefined ? [] : ids.filter((id) => new RegExp(`^${escape(framework)}-\\d`).test(id));
  const id =
    framework === undefined
      ? ids[0]!
      : byFramework.has(framework)
        ? framework
        : versions.length === 1
          ? versions[0]!
          : undefined;
  if (id === undefined)
    throw InputError.at(arg, undefined, `holds no assessment of ${framework} (it has ${ids.join(', ')})`);
  const loaded = await loadAssessmentFile(byFramework.get(id)!);
  if (loaded.assessment.framework.id !== id)
    throw InputError.at(
      loaded.file,
      'framework.id',
      `is ${loaded.assessment.framework.id}, but its directory says ${id}; expected the framework the directory is named after`,
    );
  return loaded;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
