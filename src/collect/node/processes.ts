// Reads the command lines of Kubernetes components from /proc/PID/cmdline (NUL-separated), hiding secret-looking flag values.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { NodeFacts } from '../../model/facts.js';
import { REDACTED } from '../../facts/kube-objects.js';

export const COMPONENTS = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'etcd',
  'kubelet',
  'kube-proxy',
] as const;
export type ComponentName = (typeof COMPONENTS)[number];

/** The first (lowest PID) process of each component found under `proc`. */
export async function readProcesses(proc: string): Promise<NodeFacts['processes']> {
  const pids = (await readdir(proc).catch(() => [] as string[]))
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
  const found: NodeFacts['processes'] = {};
  for (const pid of pids) {
    // Processes come and go while we read: a vanished one is simply skipped.
    const raw = await readFile(join(proc, String(pid), 'cmdline')).catch(() => undefined);
    if (!raw || raw.length === 0) continue;
    const argv = raw.toString('utf8').split('\0');
    if (argv[argv.length - 1] === '') argv.pop();
    const component = componentOf(argv);
    if (component && !found[component]) found[component] = { pid, argv: hideSecretValues(argv) };
  }
  return found;
}

function componentOf(argv: string[]): ComponentName | undefined {
  let name = basename(argv[0] ?? '');
  // hyperkube-style binaries carry the component as their first argument.
  if (name === 'hyperkube' && argv[1]) name = argv[1];
  return (COMPONENTS as readonly string[]).includes(name) ? (name as ComponentName) : undefined;
}

/** Flags that carry a token, password or secret inline (not a path to one) lose their value. */
const SECRET_FLAG = /^--?[\w-]*(token|password|passwd|secret)[\w-]*$/i;
const PATH_FLAG = /-(file|dir|path)$/i;

export function hideSecretValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, ...rest] = arg.split('=');
    const secret = i > 0 && SECRET_FLAG.test(flag!) && !PATH_FLAG.test(flag!);
    const inline = rest.join('=');
    if (secret && rest.length > 0) out.push(isBoolean(inline) ? arg : `${flag}=${REDACTED}`);
    else if (
      secret &&
      argv[i + 1] !== undefined &&
      !argv[i + 1]!.startsWith('-') &&
      !isBoolean(argv[i + 1]!)
    ) {
      out.push(arg, REDACTED);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Switches such as --enable-bootstrap-token-auth=true name a token but hold none. */
function isBoolean(value: string): boolean {
  return value === 'true' || value === 'false';
}
