// Unit tests of the command-line parser: pflag forms, defaults, admission plugins, feature gates, durations.
import { describe, expect, it } from 'vitest';
import {
  admissionPlugins,
  featureGate,
  featureGates,
  flagBool,
  flagList,
  flagValue,
  hasFlag,
  parseFlags,
  parseGoBool,
  parseGoDuration,
  weakCipherSuites,
} from '../../../src/checks/lib/flags.js';

describe('parseFlags', () => {
  it('reads --flag=value, --flag value and -flag=value', () => {
    const flags = parseFlags(['--a=1', '--b', '2', '-c=3']);
    expect(flagValue(flags, 'a')).toBe('1');
    expect(flagValue(flags, 'b')).toBe('2');
    expect(flagValue(flags, 'c')).toBe('3');
  });

  it('keeps an empty value given with =', () => {
    expect(flagValue(parseFlags(['--token-auth-file=']), 'token-auth-file')).toBe('');
  });

  it('reads a bare flag followed by another flag, or last, as true', () => {
    const flags = parseFlags(['--unknown-bare', '--x=1', '--last']);
    expect(flagValue(flags, 'unknown-bare')).toBe('true');
    expect(flagValue(flags, 'last')).toBe('true');
  });

  it('never gives a known boolean flag the next word (pflag leaves it positional)', () => {
    const flags = parseFlags(['--profiling', 'false', '--anonymous-auth', 'false']);
    expect(flagBool(flags, 'profiling', false)).toBe(true);
    expect(flagBool(flags, 'anonymous-auth', false)).toBe(true);
  });

  it('lets a numeric flag such as --v take its separate value', () => {
    expect(flagValue(parseFlags(['--v', '2']), 'v')).toBe('2');
  });

  it('keeps the last value of a repeated scalar flag', () => {
    expect(flagValue(parseFlags(['--audit-log-maxage=7', '--audit-log-maxage=30']), 'audit-log-maxage')).toBe(
      '30',
    );
  });

  it('stops at --', () => {
    const flags = parseFlags(['--a=1', '--', '--b=2']);
    expect(hasFlag(flags, 'a')).toBe(true);
    expect(hasFlag(flags, 'b')).toBe(false);
  });

  it('skips positional words', () => {
    expect([...parseFlags(['serve', '--a=1']).values.keys()]).toEqual(['a']);
  });
});

describe('booleans', () => {
  it('accepts the forms of Go strconv.ParseBool', () => {
    for (const v of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parseGoBool(v)).toBe(true);
    for (const v of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(parseGoBool(v)).toBe(false);
    expect(parseGoBool('yes')).toBeUndefined();
  });

  it('uses the default when absent or unparsable', () => {
    expect(flagBool(parseFlags([]), 'profiling', true)).toBe(true);
    expect(flagBool(parseFlags(['--anonymous-auth=no']), 'anonymous-auth', true)).toBe(true);
    expect(flagBool(parseFlags(['--anonymous-auth=False']), 'anonymous-auth', true)).toBe(false);
  });
});

describe('comma lists', () => {
  it('splits and joins repeated occurrences', () => {
    expect(
      flagList(
        parseFlags(['--authorization-mode=Node, RBAC', '--authorization-mode', 'Webhook']),
        'authorization-mode',
      ),
    ).toEqual(['Node', 'RBAC', 'Webhook']);
  });
});

describe('admissionPlugins', () => {
  it('enables the default-on plugins when nothing is given', () => {
    const plugins = admissionPlugins(parseFlags([]));
    expect(plugins.enabled.has('ServiceAccount')).toBe(true);
    expect(plugins.enabled.has('NamespaceLifecycle')).toBe(true);
    expect(plugins.enabled.has('NodeRestriction')).toBe(false);
    expect(plugins.explain('ServiceAccount')).toContain('default');
  });

  it('adds --enable-admission-plugins to the defaults', () => {
    const plugins = admissionPlugins(
      parseFlags(['--enable-admission-plugins=NodeRestriction,AlwaysPullImages']),
    );
    expect(plugins.enabled.has('NodeRestriction')).toBe(true);
    expect(plugins.enabled.has('ServiceAccount')).toBe(true);
  });

  it('lets --disable-admission-plugins win over enable and defaults', () => {
    const plugins = admissionPlugins(
      parseFlags([
        '--enable-admission-plugins=NodeRestriction',
        '--disable-admission-plugins=NodeRestriction,ServiceAccount',
      ]),
    );
    expect(plugins.enabled.has('NodeRestriction')).toBe(false);
    expect(plugins.enabled.has('ServiceAccount')).toBe(false);
    expect(plugins.explain('NodeRestriction')).toContain('disable');
  });

  it('treats the legacy --admission-control as the whole list', () => {
    const plugins = admissionPlugins(parseFlags(['--admission-control=NamespaceLifecycle,NodeRestriction']));
    expect(plugins.enabled.has('ServiceAccount')).toBe(false);
    expect(plugins.enabled.has('NodeRestriction')).toBe(true);
  });
});

describe('feature gates', () => {
  it('parses A=true,B=false and merges repeated flags, later winning', () => {
    const flags = parseFlags(['--feature-gates=A=true,B=false', '--feature-gates=B=true,C=0']);
    expect(Object.fromEntries(featureGates(flags))).toEqual({ A: true, B: true, C: false });
  });

  it('gives the default for a gate not named', () => {
    expect(featureGate(parseFlags(['--feature-gates=A=false']), 'RotateKubeletServerCertificate', true)).toBe(
      true,
    );
    expect(
      featureGate(
        parseFlags(['--feature-gates=RotateKubeletServerCertificate=false']),
        'RotateKubeletServerCertificate',
        true,
      ),
    ).toBe(false);
  });
});

describe('parseGoDuration', () => {
  it('reads Go durations in seconds', () => {
    expect(parseGoDuration('4h0m0s')).toBe(14400);
    expect(parseGoDuration('1m30s')).toBe(90);
    expect(parseGoDuration('300ms')).toBeCloseTo(0.3);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-1.5h')).toBe(-5400);
  });

  it('rejects text that is not a Go duration', () => {
    expect(parseGoDuration('60')).toBeUndefined();
    expect(parseGoDuration('4 hours')).toBeUndefined();
  });
});

describe('weakCipherSuites', () => {
  it('lists suites outside the strong set', () => {
    expect(
      weakCipherSuites(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA']),
    ).toEqual(['TLS_RSA_WITH_AES_128_CBC_SHA']);
  });
});
