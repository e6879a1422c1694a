// Shared CLI option parsing: formats, languages, and the validation messages that go with them.
import { Option } from 'commander';
import { isLang, type Lang } from '../model/text.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../render/formats.js';
import { InputError } from '../util/errors.js';

export { OUTPUT_FORMATS, type OutputFormat };

/** The formats a pack is written in when --format is not given. */
export const DEFAULT_FORMATS = 'pdf,xlsx,json';

/** The formats a comparison is written in. */
export const COMPARE_FORMATS = ['pdf', 'xlsx', 'json'] as const;

/** A comma-separated list of formats, or "all" for every one of `allowed`. */
export function parseFormats<F extends string = OutputFormat>(
  value: string,
  allowed: readonly F[] = OUTPUT_FORMATS as unknown as readonly F[],
): F[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  if (formats.length === 1 && formats[0] === 'all') return [...allowed];
  const unknown = formats.filter((f) => !(allowed as readonly string[]).includes(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw InputError.at(undefined, '--format', `"${value}" is not "all" or a list of ${allowed.join(', ')}`);
  }
  return [...new Set(formats)] as F[];
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
