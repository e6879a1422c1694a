// File helpers: atomic writes (temp file then rename) and JSON/YAML reads whose errors name the file.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { InputError } from './errors.js';
import { TempTextFile } from './temp-text-file.js';
import { checkJsonLimits, describeJsonError, lineAndColumn } from './json-limits.js';

/**
 * Largest file read whole into memory (profiles, waivers, snapshot.json, managed cluster, configz, node facts):
 * far above any real one. Kubernetes lists above 16 MiB are streamed item by item instead (facts/json-stream.ts).
 */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
/** Aliases one YAML document may expand: enough for anchors in a profile, far below a "billion laughs" bomb. */
export const MAX_YAML_ALIASES = 1000;

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
/** Characters gathered before one write: large enough that per-write overhead vanishes, small next to memory. */
const WRITE_BATCH_CHARS = 1 << 20;

export async function writeChunksAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const out = await TempTextFile.open(path, WRITE_BATCH_CHARS);
  try {
    // Generators hand out many small chunks (a line per offending object): written one by one, the file stream
    // spends most of its time in per-write round trips to the thread pool, so they are batched first.
    let batch: string[] = [];
    let batched = 0;
    for (const chunk of chunks) {
      batch.push(chunk);
      batched += chunk.length;
      if (batched < WRITE_BATCH_CHARS) continue;
      await out.write(batch.join(''));
      batch = [];
      batched = 0;
    }
    if (batch.length > 0) await out.write(batch.join(''));
    await out.commit();
  } catch (error) {
    await out.discard();
    throw error;
  }
}

/** A temp path beside the target, so the final rename stays on one file system. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function readText(path: string): Promise<string> {
  try {
    const info = await stat(path);
    // A 2 GB (even sparse) file is refused before a byte is read, rather than exhausting memory.
    if (info.isFile() && info.size > MAX_TEXT_FILE_BYTES)
      throw InputError.at(
        path,
        undefined,
        `is ${info.size} bytes, more than the ${MAX_TEXT_FILE_BYTES} this file may hold`,
      );
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw InputError.at(path, undefined, 'file not found');
    if (code === 'EISDIR') throw InputError.at(path, undefined, 'expected a file, found a directory');
    throw InputError.at(path, undefined, `cannot be read (${code ?? 'unknown error'})`);
  }
}

/**
 * Parses JSON text within the depth and string bounds; a syntax error names the file, the line and the
 * column, and says what was wrong without quoting the text (it may be a secret).
 */
export function parseJson(text: string, file: string): unknown {
  const body = stripBom(text);
  checkJsonLimits(body, file);
  try {
    return JSON.parse(body);
  } catch (error) {
    throw jsonSyntaxError(body, file, error);
  }
}

/** "FILE:LINE:COLUMN: is not valid JSON (unexpected character)": a position, never the content. */
export function jsonSyntaxError(text: string, file: string, error: unknown, field?: string): InputError {
  const { offset, what } = describeJsonError(text, error);
  if (offset === undefined) return InputError.at(file, field, `is not valid JSON (${what})`);
  const { line, column } = lineAndColumn(text, offset);
  return InputError.at(`${file}:${line}:${column}`, field, `is not valid JSON (${what})`);
}

/** Parses one or more YAML documents; a syntax error names the file and line. */
export function parseYamlDocuments(text: string, file: string): unknown[] {
  return boundedYaml(file, () => yamlValues(text, file));
}

/**
 * Runs a YAML parse and conversion, turning the yaml package's resource guards (alias bombs, which it throws
 * as a ReferenceError) and a nesting deep enough to overflow the stack into one line naming the file.
 */
export function boundedYaml<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw InputError.at(
        file,
        undefined,
        `expands more than ${MAX_YAML_ALIASES} aliases (a YAML alias bomb?); refused`,
      );
    if (error instanceof RangeError)
      throw InputError.at(file, undefined, 'nests too deeply to be read; refused');
    throw error;
  }
}

function yamlValues(text: string, file: string): unknown[] {
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
    const value: unknown = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
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
