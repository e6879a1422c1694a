// Reads --framework-map files: how the requirements of two different frameworks correspond, one to one.
import { InputError } from '../util/errors.js';
import { isRecord, readDataFile } from '../util/fs.js';

export const FRAMEWORK_MAP_SCHEMA = 'kube-evidence/framework-map';

export interface FrameworkMap {
  file: string;
  from: string;
  to: string;
  /** Requirement id in `from` → requirement id in `to`. */
  pairs: Map<string, string>;
}

export async function loadFrameworkMap(file: string): Promise<FrameworkMap> {
  const docs = await readDataFile(file);
  if (docs.length !== 1) throw InputError.at(file, undefined, 'expected one YAML or JSON document');
  return parseFrameworkMap(docs[0], file);
}

export function parseFrameworkMap(raw: unknown, file: string): FrameworkMap {
  if (!isRecord(raw))
    throw InputError.at(file, undefined, 'expected an object with from, to and requirements');
  if (raw.schema !== undefined && raw.schema !== FRAMEWORK_MAP_SCHEMA)
    throw InputError.at(file, 'schema', `expected "${FRAMEWORK_MAP_SCHEMA}"`);
  for (const key of ['from', 'to'] as const) {
    if (typeof raw[key] !== 'string' || raw[key] === '')
      throw InputError.at(file, key, 'expected a framework id, e.g. cis-kubernetes-1.11.1');
  }
  const from = raw.from as string;
  const to = raw.to as string;
  if (from === to) throw InputError.at(file, 'to', `expected a framework other than ${from}`);
  if (!isRecord(raw.requirements) || Object.keys(raw.requirements).length === 0) {
    throw InputError.at(
      file,
      'requirements',
      `expected a mapping of ${from} requirement ids to ${to} requirement ids`,
    );
  }
  const pairs = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const [fromId, value] of Object.entries(raw.requirements)) {
    // YAML reads 5.1 as a number: accept numbers and keep the text the user wrote.
    const toId = typeof value === 'number' ? String(value) : value;
    if (typeof toId !== 'string' || toId === '')
      throw InputError.at(file, `requirements.${fromId}`, `expected one ${to} requirement id`);
    const earlier = seen.get(toId);
    if (earlier !== undefined)
      throw InputError.at(
        file,
        `requirements.${fromId}`,
        `${to} requirement ${toId} is already mapped from ${earlier}; the map is one to one`,
      );
    seen.set(toId, fromId);
    pairs.set(fromId, toId);
  }
  return { file, from, to, pairs };
}
