// Kubernetes name rules (DNS-1123) and a path join that cannot leave its root: names from a server never become paths unchecked.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from './errors.js';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 label: what namespaces are (lowercase letters, digits, '-', at most 63). */
export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && DNS1123_LABEL.test(name);
}

/** A DNS-1123 subdomain: what node names and most object names are (labels joined by '.', at most 253). */
export function isDns1123Subdomain(name: string): boolean {
  return (
    name.length <= 253 && name.split('.').every((label) => label.length > 0 && DNS1123_LABEL.test(label))
  );
}

/** A name quoted for a message: escaped, and cut so a hostile 200 MB name cannot flood a log. */
export function quoteName(name: string, max = 80): string {
  const cut = name.length > max ? `${name.slice(0, max)}…` : name;
  return JSON.stringify(cut);
}

/**
 * `root` joined with `parts`, refused unless the result lies strictly inside `root`. The callers have
 * already checked names against DNS-1123; this is the second lock on the same door.
 */
export function resolveInside(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...parts);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
    throw InputError.at(root, undefined, `refused to write ${quoteName(parts.join('/'))}: it leads outside`);
  return target;
}
