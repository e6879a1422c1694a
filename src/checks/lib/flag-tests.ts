// Ready-made `test` functions for flag checks whose rule is common: a boolean with a required value, a loopback bind.
import type { FlagVerdict } from './flag-check.js';
import { flagBool, flagValue, hasFlag, type ParsedFlags } from './flags.js';

/** A boolean flag that must be `want`; absent, it takes the component's default, and the evidence says so. */
export function booleanFlagTest(
  flag: string,
  defaultValue: boolean,
  want: boolean,
): (flags: ParsedFlags) => FlagVerdict {
  return (flags) => {
    const value = flagBool(flags, flag, defaultValue);
    return {
      ok: value === want,
      observed: hasFlag(flags, flag) ? String(value) : `not set (defaults to ${defaultValue})`,
    };
  };
}

/** A --bind-address that must be loopback; absent, the components listen on 0.0.0.0. */
export function loopbackBindTest(flag: string): (flags: ParsedFlags) => FlagVerdict {
  return (flags) => {
    const value = flagValue(flags, flag);
    return {
      ok: value === '127.0.0.1' || value === '::1',
      observed: value ?? 'not set (defaults to 0.0.0.0)',
    };
  };
}
