// Loads frameworks and provider profiles from profiles/, validated and cross-checked, and resolves them by id or file.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Framework, ProviderProfile } from '../model/catalogue.js';
import { InputError } from '../util/errors.js';
import { CHECKS_BY_ID } from '../checks/index.js';
import { checkFramework, checkProfile, type ProfileContext } from './cross-references.js';
import { overlayProfile } from './profile-overlay.js';
import { frameworkSchema, profileSchema, supportCalendarSchema, type ProfileFile } from './schemas.js';
import type { SupportCalendar } from '../model/support-calendar.js';
import { loadLocatedYaml, type LocatedYaml } from './yaml-source.js';

/** The package root: profiles/ and templates/ sit beside src/ (or dist/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROFILES_DIR = join(PACKAGE_ROOT, 'profiles');

export interface Catalogue {
  frameworks: Map<string, Framework>;
  profiles: Map<string, ProviderProfile>;
  /** SHA-256 over every catalogue file, so a pack records exactly which rules it was judged by. */
  hash: string;
  /** Check ids files may reference (implemented checks plus the registry). */
  knownChecks: ReadonlySet<string>;
  /** Dated data under profiles/data/ (AKS's support calendar), by id. */
  calendars: ReadonlyMap<string, SupportCalendar>;
}

let cached: Promise<Catalogue> | undefined;

export function loadCatalogue(dir = PROFILES_DIR): Promise<Catalogue> {
  if (dir !== PROFILES_DIR) return readCatalogue(dir);
  cached ??= readCatalogue(dir);
  return cached;
}

async function readCatalogue(dir: string): Promise<Catalogue> {
  const hash = createHash('sha256');
  // The code registry is the source of check ids; docs/check-ids.md is tested against it.
  const knownChecks: ReadonlySet<string> = new Set(CHECKS_BY_ID.keys());
  const frameworks = new Map<string, Framework>();
  for (const file of await yamlFiles(join(dir, 'frameworks'))) {
    hash.update(await readFile(file));
    const located = (await loadLocatedYaml(
      file,
      frameworkSchema,
      displayPath(file),
    )) as LocatedYaml<Framework>;
    checkFramework(located, knownChecks);
    if (frameworks.has(located.data.id))
      throw located.errorAt(['id'], `framework id "${located.data.id}" is used by another file`);
    frameworks.set(located.data.id, located.data);
  }
  const files = new Map<string, LocatedYaml<ProfileFile>>();
  for (const file of await yamlFiles(join(dir, 'providers'))) {
    hash.update(await readFile(file));
    const located = await loadLocatedYaml(file, profileSchema, displayPath(file));
    if (files.has(located.data.id))
      throw located.errorAt(['id'], `profile id "${located.data.id}" is used by another file`);
    files.set(located.data.id, located);
  }
  const calendars = new Map<string, SupportCalendar>();
  for (const file of await yamlFiles(join(dir, 'data'))) {
    hash.update(await readFile(file));
    const located = await loadLocatedYaml(file, supportCalendarSchema, displayPath(file));
    if (calendars.has(located.data.id))
      throw located.errorAt(['id'], `calendar id "${located.data.id}" is used by another file`);
    calendars.set(located.data.id, located.data);
  }
  const ctx: ProfileContext = { known: knownChecks, frameworks };
  const profiles = new Map<string, ProviderProfile>();
  const resolving = new Set<string>();
  // Built-in profiles may extend each other: resolve parents first, refusing cycles.
  const resolveBuiltIn = (id: string): ProviderProfile => {
    const done = profiles.get(id);
    if (done) return done;
    const located = files.get(id)!;
    if (resolving.has(id))
      throw located.errorAt(
        ['extends'],
        `profile "${id}" extends itself through ${[...resolving].join(' → ')}`,
      );
    resolving.add(id);
    const parentId = located.data.extends;
    if (parentId && !files.has(parentId))
      throw located.errorAt(
        ['extends'],
        `unknown profile "${parentId}"; expected one of ${[...files.keys()].join(', ')}`,
      );
    const profile = overlayProfile(located.data, parentId ? resolveBuiltIn(parentId) : undefined);
    checkProfile(located, profile, ctx);
    resolving.delete(id);
    profiles.set(id, profile);
    return profile;
  };
  for (const id of files.keys()) resolveBuiltIn(id);
  return { frameworks, profiles, hash: hash.digest('hex'), knownChecks, calendars };
}

/** profiles/providers/aks.yaml rather than an absolute path, in error messages. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

export function getFramework(catalogue: Catalogue, id: string): Framework {
  const framework = catalogue.frameworks.get(id);
  if (!framework)
    throw InputError.at(
      undefined,
      '--framework',
      `unknown framework "${id}"; expected one of ${[...catalogue.frameworks.keys()].join(', ')}`,
    );
  return framework;
}

export function getProfile(catalogue: Catalogue, id: string): ProviderProfile {
  const profile = catalogue.profiles.get(id);
  if (!profile)
    throw InputError.at(
      undefined,
      '--profile',
      `unknown profile "${id}"; expected one of ${[...catalogue.profiles.keys()].join(', ')}, or a profile file (.yaml)`,
    );
  return profile;
}

/** True when a --profile value names a file rather than a built-in profile id. */
export function isProfileFile(value: string): boolean {
  return /\.ya?ml$/i.test(value) || value.includes('/') || value.includes('\\');
}

/**
 * A user's profile file that `extends` a built-in one (for example to change node paths), merged and validated like the
 * built-ins. The result is also registered in the catalogue under its id, so getProfile finds it afterwards.
 */
export async function loadProfileFile(catalogue: Catalogue, file: string): Promise<ProviderProfile> {
  const located = await loadLocatedYaml(file, profileSchema, displayPath(resolve(file)));
  const parentId = located.data.extends;
  if (!parentId)
    throw located.errorAt(
      ['extends'],
      'a profile file must extend a built-in profile, e.g. extends: kubeadm',
    );
  const parent = catalogue.profiles.get(parentId);
  if (!parent)
    throw located.errorAt(
      ['extends'],
      `unknown profile "${parentId}"; expected one of ${[...catalogue.profiles.keys()].join(', ')}`,
    );
  const existing = catalogue.profiles.get(located.data.id);
  if (existing && !existing.extends)
    throw located.errorAt(['id'], `"${located.data.id}" is a built-in profile id; give the file its own id`);
  const profile = overlayProfile(located.data, parent);
  checkProfile(located, profile, { known: catalogue.knownChecks, frameworks: catalogue.frameworks });
  catalogue.profiles.set(profile.id, profile);
  return profile;
}

/** --profile: a built-in id (aks, kubeadm, self-managed) or the path of a profile file that extends one. */
export async function resolveProfile(catalogue: Catalogue, value: string): Promise<ProviderProfile> {
  return isProfileFile(value) ? loadProfileFile(catalogue, value) : getProfile(catalogue, value);
}
