// Loads frameworks and provider profiles from profiles/, validated, and resolves them by id.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Framework, ProviderProfile } from '../model/catalogue.js';
import { InputError } from '../util/errors.js';
import { loadYaml } from './yaml-source.js';
import { frameworkSchema, profileSchema } from './schemas.js';

/** The package root: profiles/ and templates/ sit beside src/ (or dist/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROFILES_DIR = join(PACKAGE_ROOT, 'profiles');

export interface Catalogue {
  frameworks: Map<string, Framework>;
  profiles: Map<string, ProviderProfile>;
  /** SHA-256 over every catalogue file, so a pack records exactly which rules it was judged by. */
  hash: string;
}

let cached: Promise<Catalogue> | undefined;

export function loadCatalogue(dir = PROFILES_DIR): Promise<Catalogue> {
  if (dir !== PROFILES_DIR) return readCatalogue(dir);
  cached ??= readCatalogue(dir);
  return cached;
}

async function readCatalogue(dir: string): Promise<Catalogue> {
  const hash = createHash('sha256');
  const frameworks = new Map<string, Framework>();
  for (const file of await yamlFiles(join(dir, 'frameworks'))) {
    hash.update(await readFile(file));
    const framework = (await loadYaml(file, frameworkSchema, displayPath(file))) as Framework;
    frameworks.set(framework.id, framework);
  }
  const profiles = new Map<string, ProviderProfile>();
  for (const file of await yamlFiles(join(dir, 'providers'))) {
    hash.update(await readFile(file));
    const raw = await loadYaml(file, profileSchema, displayPath(file));
    const attestations = Object.fromEntries(Object.entries(raw.attestations).map(([id, a]) => [id, { id, ...a }]));
    profiles.set(raw.id, { ...raw, attestations } as ProviderProfile);
  }
  return { frameworks, profiles, hash: hash.digest('hex') };
}

/** profiles/providers/aks.yaml rather than an absolute path, in error messages. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(dir, n));
}

export function getFramework(catalogue: Catalogue, id: string): Framework {
  const framework = catalogue.frameworks.get(id);
  if (!framework) throw InputError.at(undefined, '--framework', `unknown framework "${id}"; expected one of ${[...catalogue.frameworks.keys()].join(', ')}`);
  return framework;
}

export function getProfile(catalogue: Catalogue, id: string): ProviderProfile {
  const profile = catalogue.profiles.get(id);
  if (!profile) throw InputError.at(undefined, '--profile', `unknown profile "${id}"; expected one of ${[...catalogue.profiles.keys()].join(', ')}`);
  return profile;
}
