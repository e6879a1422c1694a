// Credential redaction beyond Secrets and env values: flag values, HTTP headers, credential-named fields, annotations.
import { scrubText } from '../util/scrub.js';

export const REDACTED = '<redacted>';

/**
 * Flags whose value is a credential: `--token`, `--password`, `--client-secret`, `--oidc-client-secret`,
 * `--api-key`… Paths to credential files (`--token-auth-file`, `--tls-private-key-file`) stay: checks read them.
 */
const CREDENTIAL_FLAG =
  /^--?(?:[a-z0-9]+-)*(?:token|password|passwd|secret|client-secret|api-key|apikey|access-key|secret-key)$/i;

/** Field names whose string value is a credential (ARM, configz, node facts): `password`, `clientSecret`, `bearerToken`… */
const CREDENTIAL_KEY =
  /(?:password|passwd|secret|token|apikey|api_key|privatekey|private_key|credentials?)$/i;

/** Annotation names that say their value is a credential. */
const CREDENTIAL_ANNOTATION =
  /(?:password|passwd|secret|token|api[-_]?key|credential|auth)(?:[-_.][a-z]+)?$/i;

/** Blanks the value of every credential flag in a command line, in both `--token=x` and `--token x` forms. */
export function redactFlagValues(argv: unknown[]): void {
  if (Object.isFrozen(argv)) return; // shared by the loader, after its redaction (src/facts/share-subtrees.ts)
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (typeof arg !== 'string' || !arg.startsWith('-')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) {
      if (CREDENTIAL_FLAG.test(arg.slice(0, eq))) argv[i] = `${arg.slice(0, eq)}=${REDACTED}`;
    } else if (
      CREDENTIAL_FLAG.test(arg) &&
      typeof argv[i + 1] === 'string' &&
      !String(argv[i + 1]).startsWith('-')
    ) {
      argv[i + 1] = REDACTED;
      i++;
    }
  }
}

/**
 * Walks a pod spec (or any Kubernetes object body) once and blanks what can carry a credential: every
 * `env[].value` whatever its JSON type, probe `httpGet.httpHeaders[].value`, and credential flag values in
 * `args` and `command`. Key comparisons only, so the walk stays cheap at 150,000 pods.
 */
export function redactSpec(node: unknown): void {
  // A frozen subtree was shared by the loader after this redaction (src/facts/share-subtrees.ts): done already.
  if (!node || typeof node !== 'object' || Object.isFrozen(node)) return;
  if (Array.isArray(node)) {
    for (const item of node) redactSpec(item);
    return;
  }
  const record = node as Record<string, unknown>;
  // for…in rather than Object.entries: no array per object on very large lists.
  for (const key in record) {
    const inner = record[key];
    if (inner === null || typeof inner !== 'object') continue;
    if ((key === 'env' || key === 'httpHeaders') && Array.isArray(inner)) {
      for (const entry of inner) {
        if (
          entry &&
          typeof entry === 'object' &&
          !Array.isArray(entry) &&
          'value' in entry &&
          !Object.isFrozen(entry)
        )
          (entry as Record<string, unknown>).value = REDACTED;
      }
    } else if ((key === 'args' || key === 'command') && Array.isArray(inner)) {
      redactFlagValues(inner);
    } else {
      redactSpec(inner);
    }
  }
}

/** Annotation values that name or look like credentials, replaced (the names stay, for evidence). */
export function redactAnnotations(annotations: Record<string, unknown>): Record<string, unknown> | undefined {
  let changed: Record<string, unknown> | undefined;
  for (const key in annotations) {
    const value = annotations[key];
    if (typeof value !== 'string') continue;
    const clean = CREDENTIAL_ANNOTATION.test(key) && value !== '' ? REDACTED : scrubText(value);
    if (clean !== value) (changed ??= { ...annotations })[key] = clean;
  }
  return changed;
}

/**
 * A deep walk for documents that are not Kubernetes objects (kubelet configz, ARM bodies, node facts,
 * snapshot.json): credential-named string fields, header maps (`staticPodURLHeader` and any `*Header(s)`),
 * command lines (`argv`, `args`, `command`) and everything `redactSpec` covers. Returns the same value.
 */
export function redactDocumentDeep<T>(value: T): T {
  walkDeep(value);
  return value;
}

function walkDeep(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) walkDeep(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const inner = record[key];
    if (typeof inner === 'string') {
      if (CREDENTIAL_KEY.test(key) && inner !== '') record[key] = REDACTED;
      else if (inner.includes('@') || /bearer|basic|eyJ|token|password|secret/i.test(inner))
        record[key] = scrubText(inner);
      continue;
    }
    if (inner === null || typeof inner !== 'object') continue;
    if (/headers?$/i.test(key) && !Array.isArray(inner)) {
      // staticPodURLHeader: { "Authorization": ["Bearer …"] } — every value of every header.
      for (const name in inner as Record<string, unknown>)
        (inner as Record<string, unknown>)[name] = REDACTED;
    } else if ((key === 'env' || key === 'httpHeaders') && Array.isArray(inner)) {
      for (const entry of inner) {
        if (entry && typeof entry === 'object' && !Array.isArray(entry) && 'value' in entry)
          (entry as Record<string, unknown>).value = REDACTED;
      }
    } else if ((key === 'args' || key === 'command' || key === 'argv') && Array.isArray(inner)) {
      redactFlagValues(inner);
      walkDeep(inner);
    } else {
      walkDeep(inner);
    }
  }
}
