// Parses a YAML file keeping positions, and validates it with zod so errors name file, line and field.
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../util/errors.js';
import { boundedYaml, MAX_YAML_ALIASES, readText } from '../util/fs.js';

export type YamlPath = (string | number)[];

/** Validated data plus a way to point later (cross-reference) errors at the right line. */
export interface LocatedYaml<T> {
  data: T;
  file: string;
  /** "file:line: field: message" for a path in this document. */
  errorAt(path: YamlPath, message: string): InputError;
}

export async function loadYaml<S extends z.ZodType>(
  file: string,
  schema: S,
  displayName = file,
): Promise<z.infer<S>> {
  return parseYaml(await readText(file), displayName, schema);
}

export async function loadLocatedYaml<S extends z.ZodType>(
  file: string,
  schema: S,
  displayName = file,
): Promise<LocatedYaml<z.infer<S>>> {
  return parseLocatedYaml(await readText(file), displayName, schema);
}

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  return parseLocatedYaml(text, file, schema).data;
}

export function parseLocatedYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): LocatedYaml<z.infer<S>> {
  return boundedYaml(file, () => parseBounded(text, file, schema));
}

function parseBounded<S extends z.ZodType>(text: string, file: string, schema: S): LocatedYaml<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw InputError.at(
      `${file}:${lineCounter.linePos(error.pos[0]).line}`,
      undefined,
      `is not valid YAML (${error.message.split('\n')[0]})`,
    );
  }
  const errorAt = (path: YamlPath, message: string): InputError => {
    const line = lineOf(doc, lineCounter, path);
    return InputError.at(line ? `${file}:${line}` : file, formatPath(path) || undefined, message);
  };
  const result = schema.safeParse(doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path: YamlPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // A misspelt key: point at the key itself rather than at the object holding it.
    if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
    throw errorAt(path, issue.message);
  }
  return { data: result.data, file, errorAt };
}

/** The line of the deepest entry along the path that exists: a map key's own line, or a list item's first line. */
function lineOf(doc: Document, lineCounter: LineCounter, path: YamlPath): number | undefined {
  const line = (offset: number) => lineCounter.linePos(offset).line;
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    const key = path[depth - 1]!;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      if (pair && isNode(pair.key) && pair.key.range) return line(pair.key.range[0]);
    } else if (isSeq(parent) && typeof key === 'number') {
      const item = parent.items[key];
      if (isNode(item) && item.range) return line(item.range[0]);
    }
  }
  return isNode(doc.contents) && doc.contents.range ? line(doc.contents.range[0]) : undefined;
}

function formatPath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
