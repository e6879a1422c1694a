// Shared CLI option parsing: formats, languages, and the validation messages that go with them.
import { Option } from 'commander';
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

/** The environment variable every command with --lang reads when the option is not given. */
export const LANG_ENV = 'KUBE_EVIDENCE_LANG';

/** `--lang`, defaulting to KUBE_EVIDENCE_LANG, then zh. The option given on the command line wins. */
export function langOption(what = 'report language'): Option {
  return new Option('--lang <lang>', `${what}: zh or en`).env(LANG_ENV).default('zh');
}

/** The framework `report`, `scan`, `evaluate` and `profiles matrix` use when --framework is not given. */
export const DEFAULT_FRAMEWORK = 'cis-kubernetes';
