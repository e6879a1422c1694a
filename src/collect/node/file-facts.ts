// Stats a node path under --root: type, octal mode, owner and group by name; optionally the files below a directory.
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, isAbsolute, join, posix } from 'node:path';
import type { NodeFile } from '../../model/facts.js';
import { isCertificateName, readCertificate } from './certificate.js';
import type { OwnerNames } from './owners.js';

export interface FileFactsOptions {
  /** List the files below a directory (PKI, CNI), keyed by relative path. */
  children?: boolean;
  /** Limits for `children`, so a mistaken path (say /) cannot walk the whole disk. */
  maxDepth?: number;
  maxChildren?: number;
}

/** `path` is the node's path (/etc/kubernetes/pki); it is read at `root` + path. */
export async function fileFacts(
  root: string,
  path: string,
  owners: OwnerNames,
  options: FileFactsOptions = {},
): Promise<NodeFile> {
  const hostPath = await resolveInRoot(root, path);
  const info = hostPath ? await stat(hostPath).catch(() => undefined) : undefined;
  if (!hostPath || !info) return { exists: false };
  const facts = describe(info, owners);
  if (info.isFile() && isCertificateName(path)) {
    const certificate = await readCertificate(hostPath);
    if (certificate) facts.certificate = certificate;
  }
  if (options.children && info.isDirectory()) {
    const children: Record<string, NodeFile> = {};
    await walk(root, path, '', owners, children, options.maxDepth ?? 3, { left: options.maxChildren ?? 500 });
    facts.children = children;
  }
  return facts;
}

function describe(info: Stats, owners: OwnerNames): NodeFile {
  const type = info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  return {
    exists: true,
    type,
    mode: (info.mode & 0o7777).toString(8).padStart(4, '0'),
    owner: owners.user(info.uid) ?? String(info.uid),
    group: owners.group(info.gid) ?? String(info.gid),
    uid: info.uid,
    gid: info.gid,
  };
}

async function walk(
  root: string,
  base: string,
  relative: string,
  owners: OwnerNames,
  out: Record<string, NodeFile>,
  depth: number,
  budget: { left: number },
): Promise<void> {
  const hostDir = await resolveInRoot(root, posix.join(base, relative));
  if (!hostDir) return;
  const names = (await readdir(hostDir).catch(() => [] as string[])).sort();
  for (const name of names) {
    if (budget.left <= 0) return;
    const childRelative = relative ? `${relative}/${name}` : name;
    const child = await fileFacts(root, posix.join(base, childRelative), owners);
    out[childRelative] = child;
    budget.left--;
    if (child.type === 'directory' && depth > 1)
      await walk(root, base, childRelative, owners, out, depth - 1, budget);
  }
}

/**
 * Maps a node path to this machine, following symbolic links inside the node's root: an absolute
 * link target such as /etc/x means <root>/etc/x there, not this container's /etc/x.
 */
export async function resolveInRoot(root: string, path: string): Promise<string | undefined> {
  let current = posix.normalize(path);
  for (let hops = 0; hops < 16; hops++) {
    const hostPath = join(root, current);
    const info = await lstat(hostPath).catch(() => undefined);
    if (!info) return undefined;
    if (!info.isSymbolicLink()) return hostPath;
    const target = await readlink(hostPath);
    current = isAbsolute(target) ? posix.normalize(target) : posix.join(dirname(current), target);
  }
  return undefined;
}
