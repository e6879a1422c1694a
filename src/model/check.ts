// Check: a small pure function over facts with its metadata; never imports a collector.
import type { FactSource, Facts, JsonValue } from './facts.js';
import type { SupportCalendar } from './support-calendar.js';
import type { Text } from './text.js';

/** One observed fact behind a result. */
export interface Evidence {
  source: FactSource;
  /** Where in the facts: `azure:securityProfile.azureKeyVaultKms.enabled`, `kube-apiserver --anonymous-auth`. */
  path: string;
  observed: JsonValue;
  expected: string;
  time: string;
  /** Snapshot file the fact came from, when known. */
  file?: string;
}

/** An object that breaks a workload or RBAC rule. */
export interface Offender {
  kind: string;
  namespace?: string;
  name: string;
  container?: string;
  field: string;
  value: JsonValue;
  /** Id of the waiver that accepts this object as an exception, when one does. */
  waiver?: string;
}

/** What a check can conclude by itself; the profile turns it into a final status. */
export type CheckStatus = 'pass' | 'fail' | 'manual' | 'error' | 'not-applicable';

export interface CheckOutcome {
  status: CheckStatus;
  reason: Text;
  evidence: Evidence[];
  offenders?: Offender[];
}

/** Profile parameters a check may read: paths on nodes, namespaces the provider owns. */
export interface CheckParameters {
  paths: Record<string, string>;
  systemNamespaces: string[];
  /** Dated data from profiles/data/ (the AKS support calendar), by id; absent in examples that do not need it. */
  calendars?: ReadonlyMap<string, SupportCalendar>;
  /** Why the profile sets those namespaces aside (only a profile with a provider does); shown with every result it changes. */
  systemNamespacesReason?: Text;
}

export interface CheckContext {
  facts: Facts;
  params: CheckParameters;
}

export interface CheckExample {
  name: string;
  /** Builds the facts of the example; see test/checks for the helpers. */
  facts: () => Facts;
  params?: Partial<CheckParameters>;
  expect: CheckStatus;
}

export interface Check {
  id: string;
  title: Text;
  /** api-server, kubelet, etcd, rbac, workloads, azure, files, ... */
  component: string;
  /** Fact parts the check reads: `kubernetes:Pod`, `azure:managedCluster`, `node:files`, `kubernetes:configz`. */
  needs: string[];
  remediation: Text;
  run(ctx: CheckContext): CheckOutcome;
  /** Pass and fail examples; one table-driven test runs them all. */
  examples: CheckExample[];
}
