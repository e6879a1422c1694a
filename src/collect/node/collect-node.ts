// Node facts for one node (collect-node): modes and owners of the files the frameworks name, and component command lines.
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ProviderProfile } from '../../model/catalogue.js';
import type { NodeFacts, NodeFile } from '../../model/facts.js';
import { readContent } from './file-content.js';
import { fileFacts, resolveInRoot } from './file-facts.js';
import {
  contentPaths,
  defaultExtraPaths,
  flagPaths,
  mergePaths,
  profilePaths,
  type PathSpec,
} from './node-paths.js';
import { loadOwnerNames } from './owners.js';
import { readProcesses } from './processes.js';

export interface NodeCollectOptions {
  /** The node's root file system as seen here (a hostPath mount such as /host); default /. */
  root?: string;
  /** Where the node's processes are listed; default /proc (with hostPID in a pod). */
  proc?: string;
  /** Node name; default NODE_NAME, then <root>/etc/hostname, then this host's name. */
  node?: string;
  /** Profiles whose parameters.paths are recorded (usually one; all of them when the profile is not known). */
  profiles: ProviderProfile[];
  /** Per-key path overrides, e.g. { kubeletConfig: '/etc/kubelet/config.yaml' }. */
  overrides?: Record<string, string>;
  now?: Date;
}

export async function collectNodeFacts(options: NodeCollectOptions): Promise<NodeFacts> {
  const root = options.root ?? '/';
  const processes = await readProcesses(options.proc ?? '/proc');
  const owners = await loadOwnerNames(root);
  const specs = mergePaths(
    profilePaths(options.profiles, options.overrides ?? {}),
    defaultExtraPaths(),
    flagPaths(processes),
  );
  const files: Record<string, NodeFile> = {};
  const record = async (spec: PathSpec) => {
    if (files[spec.path]) return;
    const facts = await fileFacts(root, spec.path, owners, { children: spec.children });
    if (facts.exists && facts.type === 'file' && spec.content) {
      const hostPath = await resolveInRoot(root, spec.path);
      const content = hostPath ? await readContent(hostPath, spec.content) : undefined;
      if (content !== undefined) facts.content = content;
    }
    files[spec.path] = facts;
  };
  for (const spec of specs) await record(spec);
  // Second pass: files that the parsed configurations name (the kubelet's client CA).
  for (const spec of contentPaths(files)) await record(spec);
  return {
    node: options.node ?? (await nodeName(root)),
    collectedAt: (options.now ?? new Date()).toISOString(),
    roles: rolesOf(processes, files, options.profiles, options.overrides ?? {}),
    files,
    processes,
  };
}

async function nodeName(root: string): Promise<string> {
  if (process.env.NODE_NAME) return process.env.NODE_NAME;
  const fromFile = (await readFile(join(root, 'etc', 'hostname'), 'utf8').catch(() => '')).trim();
  return fromFile || hostname();
}

/** control-plane when a control-plane component runs (or its static pod manifest exists); worker when only a kubelet does. */
function rolesOf(
  processes: NodeFacts['processes'],
  files: Record<string, NodeFile>,
  profiles: ProviderProfile[],
  overrides: Record<string, string>,
): string[] {
  const controlPlane = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'].some(
    (c) => processes[c],
  );
  const manifests = [
    overrides.apiserverManifest,
    ...profiles.map((p) => p.parameters.paths.apiserverManifest),
  ].filter((p): p is string => Boolean(p));
  if (controlPlane || manifests.some((path) => files[path]?.exists)) return ['control-plane'];
  return processes.kubelet ? ['worker'] : [];
}
