// Parses a YAML file keeping positions, and validates it with zod so errors name file, line and field.
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../util/errors.js';
import { readText } from '../util/fs.js';

export type YamlPath = (string | number)[];

/** Validated data plus a way to point later (cross-reference) errors at the right line. */
export interface LocatedYaml<T> {
  data: T;
  file: string;
  /** "file:line: field: message" for a path in this document. */
  errorAt(path: YamlPath, message: string): InputError;
}

export async function loadYaml<S extends z.ZodType>(file: string, schema: S, displayName = file): Promise<z.infer<S>> {
  return parseYaml(await readText(file), displayName, schema);
}

export async function loadLocatedYaml<S extends z.ZodType>(file: string, schema: S, displayName = file): Promise<LocatedYaml<z.infer<S>>> {
  return parseLocatedYaml(await readText(file), displayName, schema);
}

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  return parseLocatedYaml(text, file, schema).data;
}

export function parseLocatedYaml<S extends z.ZodType>(text: string, file: string, schema: S): LocatedYaml<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw InputError.at(`${file}:${lineCounter.linePos(error.pos[0]).line}`, undefined, `is not valid YAML (${error.message.split('\n')[0]})`);
  }
  const errorAt = (path: YamlPath, message: string): InputError => {
    const line = lineOf(doc, lineCounter, path);
    return InputError.at(line ? `${file}:${line}` : file, formatPath(path) || undefined, message);
  };
  const result = schema.safeParse(doc.toJS({ maxAliasCount: 1000 }));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw errorAt(
      issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      issue.message,
    );
  }
  return { data: result.data, file, errorAt };
}

/** The line of the deepest node along the path that exists in the document. */
function lineOf(doc: Document, lineCounter: LineCounter, path: YamlPath): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function formatPath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
