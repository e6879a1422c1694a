// File helpers: atomic writes (temp file then rename) and JSON/YAML reads whose errors name the file.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join, basename } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { InputError } from './errors.js';

/** Writes a file so that a reader never sees it half-written: temp file in the same folder, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes text chunks to a temp file then renames it, so a large document (assessment.json of a 150,000-pod
 * cluster) is never built as one string; honours back-pressure between chunks.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const out = createWriteStream(temp);
  try {
    for (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(temp, path);
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

/** A temp path beside the target, so the final rename stays on one file system. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw InputError.at(path, undefined, 'file not found');
    if (code === 'EISDIR') throw InputError.at(path, undefined, 'expected a file, found a directory');
    throw InputError.at(path, undefined, `cannot be read (${code ?? 'unknown error'})`);
  }
}

/** Parses JSON text; a syntax error names the file, the line and the column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      throw InputError.at(`${file}:${line}:${column}`, undefined, `is not valid JSON (${message})`);
    }
    throw InputError.at(file, undefined, `is not valid JSON (${message})`);
  }
}

/** Parses one or more YAML documents; a syntax error names the file and line. */
export function parseYamlDocuments(text: string, file: string): unknown[] {
  const docs = parseAllDocuments(stripBom(text));
  const list = Array.isArray(docs) ? docs : [docs];
  const values: unknown[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      const line = first.linePos?.[0]?.line;
      throw InputError.at(
        line ? `${file}:${line}` : file,
        undefined,
        `is not valid YAML (${first.message.split('\n')[0]})`,
      );
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

export async function readJsonFile(path: string): Promise<unknown> {
  return parseJson(await readText(path), path);
}

/** Reads a .json, .yaml or .yml file into a list of documents. */
export async function readDataFile(path: string): Promise<unknown[]> {
  const text = await readText(path);
  if (/\.ya?ml$/i.test(path)) return parseYamlDocuments(text, path);
  return [parseJson(text, path)];
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs `write` on a temp file beside `path`, then renames it into place; on failure the temp file is removed. */
export async function writeViaTemp(path: string, write: (temp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await write(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
