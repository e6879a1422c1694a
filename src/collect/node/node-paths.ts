// Which node files to record: the profile's parameters.paths (or every profile's), well-known extras, flags, overrides.
import type { ProviderProfile } from '../../model/catalogue.js';
import type { JsonObject, JsonValue, NodeFacts, NodeFile } from '../../model/facts.js';
import { InputError } from '../../util/errors.js';
import type { ContentKind } from './file-content.js';

export interface PathSpec {
  path: string;
  children?: boolean;
  content?: ContentKind;
}

/** Paths the frameworks name that no profile parameter covers. */
const EXTRA_PATHS: PathSpec[] = [
  { path: '/etc/kubernetes/super-admin.conf' },
  { path: '/etc/cni/net.d', children: true },
];

/** Parameter keys whose files are directories to list, or small configs to parse. */
const DIRECTORY_KEYS = new Set(['pkiDir']);
const CONTENT_BY_KEY: Record<string, ContentKind> = { kubeletConfig: 'config' };

/** Process flags that name files worth recording (and, for some, parsing). */
const FLAG_FILES: Record<string, Record<string, ContentKind | null>> = {
  kubelet: { '--config': 'config', '--kubeconfig': null, '--client-ca-file': null },
  'kube-proxy': { '--config': 'config', '--kubeconfig': null },
  'kube-apiserver': {
    '--audit-policy-file': 'config',
    '--encryption-provider-config': 'encryption-providers',
  },
};

/** Profile paths: one profile's, or the union of all when none is named, so one run serves any profile. */
export function profilePaths(profiles: ProviderProfile[], overrides: Record<string, string>): PathSpec[] {
  const byKey = new Map<string, Set<string>>();
  for (const profile of profiles) {
    for (const [key, path] of Object.entries(profile.parameters.paths)) {
      if (!byKey.has(key)) byKey.set(key, new Set());
      byKey.get(key)!.add(path);
    }
  }
  for (const [key, path] of Object.entries(overrides)) byKey.set(key, new Set([path]));
  const specs: PathSpec[] = [];
  for (const [key, paths] of byKey) {
    for (const path of paths) {
      const content = CONTENT_BY_KEY[key] ?? (key.endsWith('Manifest') ? 'static-pod' : undefined);
      specs.push({
        path,
        ...(DIRECTORY_KEYS.has(key) ? { children: true } : {}),
        ...(content ? { content } : {}),
      });
    }
  }
  return specs;
}

/** Files named on the components' command lines (the kubelet's --config, the API server's audit policy, …). */
export function flagPaths(processes: NodeFacts['processes']): PathSpec[] {
  const specs: PathSpec[] = [];
  for (const [component, flags] of Object.entries(FLAG_FILES)) {
    const argv = processes[component]?.argv ?? [];
    for (const [flag, content] of Object.entries(flags)) {
      const value = flagValue(argv, flag);
      if (value && value.startsWith('/')) specs.push({ path: value, ...(content ? { content } : {}) });
    }
  }
  return specs;
}

export function defaultExtraPaths(): PathSpec[] {
  return EXTRA_PATHS.map((spec) => ({ ...spec }));
}

/** Merges specs for the same path: children and content requests add up. */
export function mergePaths(...lists: PathSpec[][]): PathSpec[] {
  const merged = new Map<string, PathSpec>();
  for (const spec of lists.flat()) {
    const previous = merged.get(spec.path);
    merged.set(spec.path, {
      ...previous,
      ...spec,
      children: previous?.children || spec.children,
      content: spec.content ?? previous?.content,
    });
  }
  return [...merged.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** `--path kubeletConfig=/etc/kubelet.yaml` → { kubeletConfig: '/etc/kubelet.yaml' }. */
export function parsePathOverrides(values: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const value of values) {
    const match = /^([A-Za-z][\w-]*)=(\/.*)$/.exec(value);
    if (!match)
      throw InputError.at(
        undefined,
        '--path',
        `"${value}" is not KEY=/absolute/path (KEY as in the profile's parameters.paths)`,
      );
    overrides[match[1]!] = match[2]!;
  }
  return overrides;
}

function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    if (arg === flag) return argv[i + 1];
  }
  return undefined;
}

/** Files a parsed kubelet configuration names (its client CA), so their modes and owners are recorded too. */
export function contentPaths(files: Record<string, NodeFile>): PathSpec[] {
  const specs: PathSpec[] = [];
  for (const file of Object.values(files)) {
    const content = file.content;
    if (!isJsonObject(content) || content.kind !== 'KubeletConfiguration') continue;
    const x509 =
      isJsonObject(content.authentication) && isJsonObject(content.authentication.x509)
        ? content.authentication.x509
        : undefined;
    if (typeof x509?.clientCAFile === 'string' && x509.clientCAFile.startsWith('/'))
      specs.push({ path: x509.clientCAFile });
  }
  return specs;
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
