// Shared CLI option parsing: formats, languages, and the validation messages that go with them.
import { isLang, type Lang } from '../model/text.js';
import { InputError } from '../util/errors.js';

export const OUTPUT_FORMATS = ['pdf', 'xlsx', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function parseFormats(value: string, allowed: readonly string[] = OUTPUT_FORMATS): OutputFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((f) => !allowed.includes(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw InputError.at(undefined, '--format', `"${value}" is not a list of ${allowed.join(', ')}`);
  }
  return [...new Set(formats)] as OutputFormat[];
}

export function parseLang(value: string): Lang {
  if (!isLang(value)) throw InputError.at(undefined, '--lang', `"${value}" is not one of zh, en`);
  return value;
}
