// Parses component command lines the way Kubernetes components (spf13/pflag) read them.
export interface ParsedFlags {
  /** Flag name (without dashes) → every value given, in order; a bare boolean flag reads as "true". */
  values: Map<string, string[]>;
}

/**
 * Accepts `--flag=value`, `--flag value`, bare booleans (`--profiling`), and repeated flags.
 * A bare flag followed by another flag, or last on the line, is a boolean set to true.
 * `--flag value` is only taken for values that do not start with `-`.
 */
export function parseFlags(argv: readonly string[], booleanFlags: ReadonlySet<string> = KNOWN_BOOLEAN_FLAGS): ParsedFlags {
  const values = new Map<string, string[]>();
  const add = (name: string, value: string) => values.set(name, [...(values.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '--' || arg === '-') continue;
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    if (eq >= 0) {
      add(body.slice(0, eq), body.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (!booleanFlags.has(body) && next !== undefined && !next.startsWith('-')) {
      add(body, next);
      i++;
    } else {
      add(body, 'true');
    }
  }
  return { values };
}

/** The effective value: the last one given, as pflag keeps for scalar flags. */
export function flagValue(flags: ParsedFlags, name: string): string | undefined {
  const list = flags.values.get(name);
  return list?.[list.length - 1];
}

/** A boolean flag with its component default when absent. */
export function flagBool(flags: ParsedFlags, name: string, defaultValue: boolean): boolean {
  const value = flagValue(flags, name);
  if (value === undefined) return defaultValue;
  return value.toLowerCase() === 'true' || value === '1';
}

/** A comma-list flag (`--enable-admission-plugins`), with repeated occurrences joined. */
export function flagList(flags: ParsedFlags, name: string): string[] {
  return (flags.values.get(name) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** Boolean flags of kube-apiserver, kubelet, etcd and friends that take no separate value. */
export const KNOWN_BOOLEAN_FLAGS: ReadonlySet<string> = new Set([
  'anonymous-auth',
  'profiling',
  'service-account-lookup',
  'use-service-account-credentials',
  'client-cert-auth',
  'peer-client-cert-auth',
  'auto-tls',
  'peer-auto-tls',
  'rotate-certificates',
  'make-iptables-util-chains',
  'protect-kernel-defaults',
  'allow-privileged',
  'insecure-skip-tls-verify',
  'service-account-extend-token-expiration',
  'enable-bootstrap-token-auth',
  'v',
]);
