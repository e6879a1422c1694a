// Resolves uid/gid to user and group names from the node's /etc/passwd and /etc/group (under --root), else this host's.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OwnerNames {
  user(uid: number): string | undefined;
  group(gid: number): string | undefined;
}

export async function loadOwnerNames(root: string): Promise<OwnerNames> {
  const users = await readIdFile(root, 'etc/passwd');
  const groups = await readIdFile(root, 'etc/group');
  return { user: (uid) => users.get(uid), group: (gid) => groups.get(gid) };
}

/** name:password:id:… lines; the node's own file wins, since ids mean different names on different hosts. */
async function readIdFile(root: string, relative: string): Promise<Map<number, string>> {
  const text =
    (await readFile(join(root, relative), 'utf8').catch(() => undefined)) ??
    (await readFile(join('/', relative), 'utf8').catch(() => ''));
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':');
    const number = Number(id);
    if (name && id !== undefined && id !== '' && Number.isInteger(number) && !names.has(number))
      names.set(number, name);
  }
  return names;
}
