// Resolves --framework: a framework id, or a benchmark id (cis-kubernetes) whose version is picked by the cluster's Kubernetes version.
import type { Framework, ProviderProfile } from '../model/catalogue.js';
import { t, type Text } from '../model/text.js';
import { inMinorRange, minorOf } from '../evaluate/version-range.js';
import { InputError } from '../util/errors.js';
import type { Catalogue } from './load.js';

export interface FrameworkChoice {
  framework: Framework;
  /** Why this version was picked, when the caller named a benchmark rather than a version. */
  selection?: Text;
}

/** The versions of one benchmark, oldest first. */
export function versionsOf(catalogue: Catalogue, benchmark: string): Framework[] {
  return [...catalogue.frameworks.values()]
    .filter((f) => f.benchmark === benchmark)
    .sort((a, b) => minorKey(a.kubernetesVersions?.min) - minorKey(b.kubernetesVersions?.min));
}

function minorKey(version: string | undefined): number {
  const m = minorOf(version);
  return m ? m[0] * 1000 + m[1] : 0;
}

/** Every name --framework accepts: framework ids and benchmark ids. */
export function frameworkNames(catalogue: Catalogue): string[] {
  const benchmarks = new Set(
    [...catalogue.frameworks.values()].flatMap((f) => (f.benchmark ? [f.benchmark] : [])),
  );
  return [...benchmarks, ...catalogue.frameworks.keys()];
}

/** Fails with one line when a name is neither a framework nor a benchmark. */
export function checkFrameworkName(catalogue: Catalogue, name: string): void {
  if (catalogue.frameworks.has(name) || versionsOf(catalogue, name).length > 0) return;
  throw InputError.at(
    undefined,
    '--framework',
    `unknown framework "${name}"; expected one of ${frameworkNames(catalogue).join(', ')}`,
  );
}

/**
 * What `--framework all` means for a profile: every framework written for its provider (or for any provider),
 * with each benchmark named once so that its version is picked by the cluster.
 */
export function allFrameworkNames(catalogue: Catalogue, profile: ProviderProfile): string[] {
  const names: string[] = [];
  for (const framework of catalogue.frameworks.values()) {
    if (framework.providers && !framework.providers.some((p) => providerMatches(profile, p))) continue;
    const name = framework.benchmark ?? framework.id;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function providerMatches(profile: ProviderProfile, provider: string): boolean {
  return profile.id === provider || profile.extends === provider;
}

/** A framework id names itself; a benchmark id picks the version whose Kubernetes range covers the cluster. */
export function chooseFramework(
  catalogue: Catalogue,
  name: string,
  kubernetesVersion: string | undefined,
): FrameworkChoice {
  const exact = catalogue.frameworks.get(name);
  if (exact) return { framework: exact };
  const versions = versionsOf(catalogue, name);
  if (versions.length === 0) {
    checkFrameworkName(catalogue, name);
    throw new Error('unreachable');
  }
  const ranged = versions.filter((f) => f.kubernetesVersions);
  const covering = ranged.find((f) => inMinorRange(kubernetesVersion, f.kubernetesVersions!));
  const newest = versions[versions.length - 1]!;
  const range = (f: Framework) =>
    f.kubernetesVersions ? `${f.kubernetesVersions.min}–${f.kubernetesVersions.max}` : '?';
  if (covering) {
    return {
      framework: covering,
      selection: t(
        `按群集版本选择：Kubernetes ${kubernetesVersion} 在 ${covering.title.zh} 适用的 ${range(covering)} 范围内`,
        `Chosen by cluster version: Kubernetes ${kubernetesVersion} is within ${range(covering)}, the range ${covering.title.en} is written for`,
      ),
    };
  }
  const minor = minorOf(kubernetesVersion);
  if (!minor) {
    return {
      framework: newest,
      selection: t(
        `群集的 Kubernetes 版本未知，因此采用最新版本 ${newest.title.zh}（适用于 ${range(newest)}）`,
        `The cluster's Kubernetes version is unknown, so the newest version ${newest.title.en} (for ${range(newest)}) is used`,
      ),
    };
  }
  const oldest = ranged[0] ?? newest;
  const below =
    oldest.kubernetesVersions && minorKey(kubernetesVersion) < minorKey(oldest.kubernetesVersions.min);
  const chosen = below ? oldest : newest;
  return {
    framework: chosen,
    selection: t(
      `没有版本覆盖 Kubernetes ${kubernetesVersion}；采用最接近的 ${chosen.title.zh}（适用于 ${range(chosen)}）`,
      `No version covers Kubernetes ${kubernetesVersion}; the nearest, ${chosen.title.en} (for ${range(chosen)}), is used`,
    ),
  };
}
