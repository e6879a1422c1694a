// Factories for cipher suite checks: a component flag (API server, etcd) or the kubelet setting, judged against one allow-list.
import type { Check, CheckExample } from '../../model/check.js';
import type { Text } from '../../model/text.js';
import { suitesOutside, type CipherPolicy } from './cipher-suites.js';
import type { Component } from './components.js';
import { defineFlagCheck } from './flag-check.js';
import { flagList } from './flags.js';
import { defineKubeletCheck } from './kubelet-config.js';

interface CipherSpec {
  id: string;
  title: Text;
  policy: CipherPolicy;
  remediation: Text;
  examples: CheckExample[];
}

/**
 * A component's cipher flag. Absent, the component takes its Go runtime's defaults, which depend on the Go
 * version it was built with (3DES stayed in Go's default list until Go 1.23), so the facts cannot show
 * the suites are all on the list: absent fails, for the API server and etcd alike.
 */
export function defineCipherFlagCheck(
  spec: CipherSpec & {
    component: Component;
    flag: string;
    ignoredWhen?: Parameters<typeof defineFlagCheck>[0]['ignoredWhen'];
  },
): Check {
  return defineFlagCheck({
    id: spec.id,
    title: spec.title,
    component: spec.component,
    flag: spec.flag,
    expected: `set; every suite in ${spec.policy.label.en}`,
    test: (flags) => {
      const suites = flagList(flags, spec.flag);
      if (suites.length === 0)
        return { ok: false, observed: 'not set (the Go runtime defaults apply; they vary by Go version)' };
      const outside = suitesOutside(suites, spec.policy);
      return {
        ok: outside.length === 0,
        observed: outside.length === 0 ? suites.join(',') : `not on the list: ${outside.join(',')}`,
      };
    },
    ...(spec.ignoredWhen ? { ignoredWhen: spec.ignoredWhen } : {}),
    remediation: spec.remediation,
    examples: spec.examples,
  });
}

/** The kubelet's tlsCipherSuites (flag or config file): set, and every suite on the list. */
export function defineKubeletCipherCheck(spec: CipherSpec): Check {
  return defineKubeletCheck({
    id: spec.id,
    title: spec.title,
    expected: `tlsCipherSuites set; every suite in ${spec.policy.label.en}`,
    settings: ['tlsCipherSuites'],
    test: (v) => {
      const suites = Array.isArray(v.tlsCipherSuites)
        ? v.tlsCipherSuites.filter((s): s is string => typeof s === 'string')
        : [];
      return suites.length > 0 && suitesOutside(suites, spec.policy).length === 0;
    },
    remediation: spec.remediation,
    examples: spec.examples,
  });
}
