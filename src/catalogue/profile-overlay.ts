// Merges a profile that `extends` another over its parent, later wins, as layered configs do.
import type { ProfileMapping, ProviderProfile } from '../model/catalogue.js';
import type { ProfileFile } from './schemas.js';

type MappingTable = Record<string, Partial<ProfileMapping>>;

function mergeTable(parent: MappingTable, child: MappingTable): MappingTable {
  const merged: MappingTable = { ...parent };
  for (const [key, mapping] of Object.entries(child)) merged[key] = { ...parent[key], ...mapping };
  return merged;
}

/** The profile as evaluation sees it: the parent (if any) with this file's values laid over it. */
export function overlayProfile(file: ProfileFile, parent: ProviderProfile | undefined): ProviderProfile {
  const attestations = Object.fromEntries(
    Object.entries(file.attestations).map(([id, a]) => [id, { id, ...a }]),
  );
  const requirements: ProviderProfile['requirements'] = { ...parent?.requirements };
  for (const [framework, table] of Object.entries(file.requirements))
    requirements[framework] = mergeTable(parent?.requirements[framework] ?? {}, table);
  // The schema guarantees title and defaults when there is no parent.
  const title = file.title ?? parent?.title;
  const defaults = file.defaults ?? parent?.defaults;
  if (!title || !defaults)
    throw new Error(
      `profile ${file.id}: title and defaults must come from the file or the profile it extends`,
    );
  const description = file.description ?? parent?.description;
  const providerRemediation = file.providerRemediation ?? parent?.providerRemediation;
  // The reason travels with the namespaces it explains: a child's own list needs its own reason (the schema checks).
  const reason = file.parameters.systemNamespaces
    ? file.parameters.systemNamespacesReason
    : (file.parameters.systemNamespacesReason ?? parent?.parameters.systemNamespacesReason);
  return {
    id: file.id,
    ...(file.extends ? { extends: file.extends } : {}),
    title,
    ...(description ? { description } : {}),
    parameters: {
      paths: { ...parent?.parameters.paths, ...file.parameters.paths },
      systemNamespaces: file.parameters.systemNamespaces ?? parent?.parameters.systemNamespaces ?? [],
      ...(reason ? { systemNamespacesReason: reason } : {}),
    },
    attestations: { ...parent?.attestations, ...attestations },
    defaults,
    ...(providerRemediation ? { providerRemediation } : {}),
    checks: mergeTable(parent?.checks ?? {}, file.checks),
    requirements,
  };
}
