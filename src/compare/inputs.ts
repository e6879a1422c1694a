// Resolves `compare` arguments (assessment.json files or pack directories) to the assessments to compare.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessment } from '../model/assessment.js';
import { validateAssessment } from '../render/json.js';
import { InputError } from '../util/errors.js';
import { parseJson, readText } from '../util/fs.js';
import { validateForComparison } from './validate-side.js';

export interface LoadedAssessment {
  file: string;
  sha256: string;
  assessment: Assessment;
}

/** What one argument offered: one assessment, or one per framework from a pack's subdirectories. */
type Candidates = { arg: string; byFramework: Map<string, LoadedAssessment>; direct: boolean };

export async function loadAssessmentFile(file: string): Promise<LoadedAssessment> {
  const text = await readText(file);
  const assessment = validateForComparison(validateAssessment(parseJson(text, file), file), file);
  return { file, sha256: createHash('sha256').update(text).digest('hex'), assessment };
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
  return all.map((c) => pick(c, chosen));
}

async function candidatesOf(arg: string): Promise<Candidates> {
  const info = await stat(arg).catch(() => undefined);
  if (!info)
    throw InputError.at(arg, undefined, 'not found (expected an assessment.json or a pack directory)');
  const byFramework = new Map<string, LoadedAssessment>();
  if (info.isFile()) return add(byFramework, await loadAssessmentFile(arg), arg, true);
  const direct = join(arg, 'assessment.json');
  if (await isFile(direct)) return add(byFramework, await loadAssessmentFile(direct), arg, true);
  const entries = await readdir(arg, { withFileTypes: true });
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(arg, entry.name, 'assessment.json');
    if (await isFile(file)) {
      const loaded = await loadAssessmentFile(file);
      const clash = byFramework.get(loaded.assessment.framework.id);
      if (clash)
        throw InputError.at(
          arg,
          undefined,
          `holds two assessments of ${loaded.assessment.framework.id} (${clash.file}, ${file}); pass the one you mean`,
        );
      byFramework.set(loaded.assessment.framework.id, loaded);
    }
  }
  if (byFramework.size === 0)
    throw InputError.at(
      arg,
      undefined,
      'expected an assessment.json, or one subdirectory per framework each holding one',
    );
  return { arg, byFramework, direct: false };
}

function add(
  map: Map<string, LoadedAssessment>,
  loaded: LoadedAssessment,
  arg: string,
  direct: boolean,
): Candidates {
  map.set(loaded.assessment.framework.id, loaded);
  return { arg, byFramework: map, direct };
}

/** Without --framework: a pack offering several frameworks is resolved by the framework all arguments share. */
function commonFramework(all: Candidates[]): string | undefined {
  const packs = all.filter((c) => c.byFramework.size > 1);
  if (packs.length === 0) return undefined;
  // The frameworks of every argument: a direct assessment offers just its own.
  const shared = [...packs[0]!.byFramework.keys()].filter((id) => all.every((c) => c.byFramework.has(id)));
  if (shared.length === 1) return shared[0];
  const offered = [...packs[0]!.byFramework.keys()].join(', ');
  throw InputError.at(
    packs[0]!.arg,
    undefined,
    `holds assessments of several frameworks (${offered}); pick one with --framework`,
  );
}

function pick(candidates: Candidates, framework: string | undefined): LoadedAssessment {
  const { arg, byFramework, direct } = candidates;
  // An assessment given directly is compared as it is; a framework mismatch is caught later, with --framework-map.
  if (direct || framework === undefined) return [...byFramework.values()][0]!;
  const found = byFramework.get(framework);
  if (found) return found;
  // A benchmark id (cis-kubernetes) picks the one version the pack holds, so last year's v1.11.1 pack meets this year's v1.12.0.
  const versions = [...byFramework.keys()].filter((id) => new RegExp(`^${escape(framework)}-\\d`).test(id));
  if (versions.length === 1) return byFramework.get(versions[0]!)!;
  throw InputError.at(
    arg,
    undefined,
    `holds no assessment of ${framework} (it has ${[...byFramework.keys()].join(', ')})`,
  );
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
