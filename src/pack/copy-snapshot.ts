// Copies the snapshot a report was made from into the pack, re-applying redaction to every Kubernetes object.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { kindFromName } from '../facts/kinds.js';
import { redact } from '../facts/kube-objects.js';
import type { KubeObject } from '../model/facts.js';
import { isRecord, readDataFile, writeFileAtomic } from '../util/fs.js';

const DATA_FILE = /\.(json|ya?ml)$/i;

/**
 * Writes a copy of `from` into `to` and returns the copied paths relative to `to`. Files under
 * kubernetes/ are parsed and written back redacted (Secret data, env values, last-applied annotation),
 * so the pack never carries what the loader keeps out of evidence. Symlinks are not followed.
 */
export async function copySnapshot(from: string, to: string): Promise<string[]> {
  const copied: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const source = join(dir, entry.name);
      const rel = relative(from, source);
      if (entry.isDirectory()) {
        await walk(source);
        continue;
      }
      if (!entry.isFile()) continue;
      const target = join(to, rel);
      const parts = rel.split(sep);
      if (parts[0] === 'kubernetes' && DATA_FILE.test(entry.name)) {
        await writeFileAtomic(target, await redactedCopy(source));
      } else {
        await mkdir(dirname(target), { recursive: true });
        await copyFile(source, target);
      }
      copied.push(parts.join('/'));
    }
  };
  await walk(from);
  return copied;
}

/** The file's documents with every object redacted, in the file's own format (JSON or YAML). */
async function redactedCopy(file: string): Promise<string> {
  const fallbackKind = kindFromName(basename(file));
  const docs = (await readDataFile(file)).map((doc) => redactDocument(doc, fallbackKind));
  if (/\.json$/i.test(file)) return `${JSON.stringify(docs[0] ?? null, null, 2)}\n`;
  return docs.map((doc) => stringify(doc)).join('---\n');
}

function redactDocument(doc: unknown, fallbackKind: string | undefined): unknown {
  if (!isRecord(doc)) return doc;
  if (Array.isArray(doc.items)) {
    const listKind =
      typeof doc.kind === 'string' && doc.kind.endsWith('List') && doc.kind !== 'List'
        ? doc.kind.slice(0, -4)
        : fallbackKind;
    doc.items = doc.items.map((item) => redactObject(item, listKind));
    return doc;
  }
  return redactObject(doc, fallbackKind);
}

/** Redacts one object in place; an item without a kind is judged by its list's or file's kind, and keeps no added kind. */
function redactObject(value: unknown, fallbackKind: string | undefined): unknown {
  if (!isRecord(value) || !isRecord(value.metadata)) return value;
  const hadKind = typeof value.kind === 'string' && value.kind !== '';
  const object = value as unknown as KubeObject;
  if (!hadKind) object.kind = fallbackKind ?? '';
  redact(object);
  if (!hadKind) delete (object as Partial<KubeObject>).kind;
  return object;
}
