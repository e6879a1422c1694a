// Parses component command lines the way Kubernetes components (spf13/pflag) read them, with their defaults.
export interface ParsedFlags {
  /** Flag name (without dashes) → every value given, in order; a bare boolean flag reads as "true". */
  values: Map<string, string[]>;
}

/**
 * Accepts `--flag=value`, `-flag=value`, `--flag value`, bare booleans (`--profiling`), and repeated flags.
 * A known boolean flag never takes the next word as its value (pflag: `--profiling false` leaves `false`
 * as a positional argument, and profiling on). Another flag is any other `--name`: bare and followed by
 * a word, the word is its value; bare and followed by a flag, or last, it reads as "true".
 * `--` ends the flags, as in pflag.
 */
export function parseFlags(
  argv: readonly string[],
  booleanFlags: ReadonlySet<string> = KNOWN_BOOLEAN_FLAGS,
): ParsedFlags {
  const values = new Map<string, string[]>();
  const add = (name: string, value: string) => values.set(name, [...(values.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
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

/** True when the flag appears on the command line at all. */
export function hasFlag(flags: ParsedFlags, name: string): boolean {
  return flags.values.has(name);
}

/** The effective value: the last one given, as pflag keeps for scalar flags. */
export function flagValue(flags: ParsedFlags, name: string): string | undefined {
  const list = flags.values.get(name);
  return list?.[list.length - 1];
}

/** Go's strconv.ParseBool, which pflag uses: 1, t, T, TRUE, true, True and their false forms; else undefined. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/**
 * A boolean flag with its component default when absent. A value Go cannot parse would stop the component
 * from starting, so it cannot be the running state; it reads as the default rather than as a pass.
 */
export function flagBool(flags: ParsedFlags, name: string, defaultValue: boolean): boolean {
  const value = flagValue(flags, name);
  if (value === undefined) return defaultValue;
  return parseGoBool(value) ?? defaultValue;
}

/** A comma-list flag (`--authorization-mode`, `--tls-cipher-suites`), with repeated occurrences joined. */
export function flagList(flags: ParsedFlags, name: string): string[] {
  return (flags.values.get(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Admission plugins kube-apiserver enables when `--enable-admission-plugins` does not name them
 * (the default-on list of Kubernetes 1.27 and later, from the flag's help text).
 */
export const DEFAULT_ADMISSION_PLUGINS: readonly string[] = [
  'CertificateApproval',
  'CertificateSigning',
  'CertificateSubjectRestriction',
  'ClusterTrustBundleAttest',
  'DefaultIngressClass',
  'DefaultStorageClass',
  'DefaultTolerationSeconds',
  'LimitRanger',
  'MutatingAdmissionWebhook',
  'NamespaceLifecycle',
  'PersistentVolumeClaimResize',
  'PodSecurity',
  'Priority',
  'ResourceQuota',
  'RuntimeClass',
  'ServiceAccount',
  'StorageObjectInUseProtection',
  'TaintNodesByCondition',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionWebhook',
];

export interface AdmissionPlugins {
  /** The plugins that run. */
  enabled: Set<string>;
  /** How a plugin came to be enabled or not, for the evidence. */
  explain(plugin: string): string;
}

/**
 * The admission plugins kube-apiserver runs: the default-on list plus `--enable-admission-plugins`, minus
 * `--disable-admission-plugins` (disable wins over both). The deprecated `--admission-control` replaces
 * the default-on list with exactly the plugins it names.
 */
export function admissionPlugins(flags: ParsedFlags): AdmissionPlugins {
  const legacy = flagList(flags, 'admission-control');
  const explicit = new Set(flagList(flags, 'enable-admission-plugins'));
  const disabled = new Set(flagList(flags, 'disable-admission-plugins'));
  const base = hasFlag(flags, 'admission-control') ? legacy : DEFAULT_ADMISSION_PLUGINS;
  const enabled = new Set([...base, ...explicit].filter((p) => !disabled.has(p)));
  return {
    enabled,
    explain(plugin) {
      if (disabled.has(plugin)) return `${plugin} disabled by --disable-admission-plugins`;
      if (explicit.has(plugin)) return `${plugin} enabled by --enable-admission-plugins`;
      if (hasFlag(flags, 'admission-control'))
        return legacy.includes(plugin)
          ? `${plugin} named in --admission-control`
          : `${plugin} not in --admission-control`;
      return DEFAULT_ADMISSION_PLUGINS.includes(plugin)
        ? `${plugin} enabled by default`
        : `${plugin} not enabled (off by default)`;
    },
  };
}

/**
 * Feature gates from `--feature-gates=A=true,B=false`; repeated flags merge, later wins per gate.
 * Values Go cannot parse are left out (the component would refuse them).
 */
export function featureGates(flags: ParsedFlags): Map<string, boolean> {
  const gates = new Map<string, boolean>();
  for (const entry of flagList(flags, 'feature-gates')) {
    const eq = entry.indexOf('=');
    if (eq < 0) continue;
    const value = parseGoBool(entry.slice(eq + 1).trim());
    if (value !== undefined) gates.set(entry.slice(0, eq).trim(), value);
  }
  return gates;
}

/** One feature gate's value, or its default when no `--feature-gates` entry names it. */
export function featureGate(flags: ParsedFlags, gate: string, defaultValue: boolean): boolean {
  return featureGates(flags).get(gate) ?? defaultValue;
}

/**
 * Go's time.ParseDuration ("1m0s", "4h", "300ms", "-1.5h"), in seconds; a bare "0" is zero. Undefined when
 * the text is not a Go duration.
 */
export function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  const trimmed = text.trim();
  if (trimmed === '0' || trimmed === '+0' || trimmed === '-0') return 0;
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(trimmed);
  if (!match) return undefined;
  let total = 0;
  for (const part of trimmed.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g))
    total += Number(part[1]) * units[part[2]!]!;
  return match[1] === '-' ? -total : total;
}

/** Boolean flags of kube-apiserver, kubelet, etcd and friends that take no separate value. */
export const KNOWN_BOOLEAN_FLAGS: ReadonlySet<string> = new Set([
  'anonymous-auth',
  'profiling',
  'contention-profiling',
  'service-account-lookup',
  'use-service-account-credentials',
  'client-cert-auth',
  'peer-client-cert-auth',
  'auto-tls',
  'peer-auto-tls',
  'rotate-certificates',
  'rotate-server-certificates',
  'make-iptables-util-chains',
  'protect-kernel-defaults',
  'allow-privileged',
  'insecure-skip-tls-verify',
  'service-account-extend-token-expiration',
  'enable-bootstrap-token-auth',
  'enable-aggregator-routing',
  'enable-priority-and-fairness',
  'enable-garbage-collector',
  'enable-server',
  'enable-debugging-handlers',
  'authentication-token-webhook',
  'fail-swap-on',
  'leader-elect',
  'allocate-node-cidrs',
  'experimental-initial-corrupt-check',
  'enable-pprof',
  'strict-reconfig-check',
  'force-new-cluster',
  'logtostderr',
  'alsologtostderr',
]);

export { weakCipherSuites } from './cipher-suites.js';
