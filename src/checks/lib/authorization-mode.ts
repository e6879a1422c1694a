// kube-apiserver's effective authorizers: --authorization-mode (default AlwaysAllow), unless a structured config replaces it.
import type { FlagVerdict } from './flag-check.js';
import { flagList, flagValue, hasFlag, type ParsedFlags } from './flags.js';

/**
 * Judges the effective authorization modes with `accept`. With --authorization-config the modes live in a file
 * the facts do not carry, so the answer is left to a person (ok undefined).
 */
export function judgeAuthorizationModes(
  flags: ParsedFlags,
  accept: (modes: string[]) => boolean,
): FlagVerdict {
  if (hasFlag(flags, 'authorization-config')) {
    return { ok: undefined, observed: `--authorization-config=${flagValue(flags, 'authorization-config')}` };
  }
  const given = flagList(flags, 'authorization-mode');
  const modes = given.length > 0 ? given : ['AlwaysAllow'];
  return {
    ok: accept(modes),
    observed: given.length > 0 ? given.join(',') : 'not set (defaults to AlwaysAllow)',
  };
}
