// Removes credentials from text bound for logs, error messages and snapshot.json: URL user:password, bearer tokens, JWTs, known secrets.

const REDACTED = '<redacted>';

/** `https://user:pass@host/x` → `https://host/x`; anything that does not parse as a URL is scrubbed as text. */
export function scrubUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
  } catch {
    return scrubText(url);
  }
}

const PATTERNS: [RegExp, string][] = [
  // scheme://user:password@host (and scheme://token@host)
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:"']+(?::[^\s/@"']*)?@/gi, `$1${REDACTED}@`],
  // Authorization: Bearer …, Basic …
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // JSON Web Tokens (service-account tokens, Azure access tokens): three base64url parts starting eyJ.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // token=…, password: …, client_secret=… in query strings and messages.
  [
    /\b((?:access_?|refresh_?|id_?|bearer_?|auth_?)?token|password|passwd|pwd|secret|client_?secret|api_?key)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]{4,}/gi,
    `$1$2${REDACTED}`,
  ],
];

/** Text with credential-shaped parts and every `known` secret value replaced by <redacted>. */
export function scrubText(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
