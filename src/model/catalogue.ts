// Frameworks and provider profiles as loaded from profiles/: the shapes the YAML files are validated into.
import type { Mapping, Responsibility } from './status.js';
import type { Text } from './text.js';

export interface Requirement {
  id: string;
  section: string;
  title: Text;
  level?: 'L1' | 'L2';
  assessment: 'automated' | 'manual';
  /** Q/KXY: 应 = shall (mandatory), 宜 = should (recommended). */
  strength?: 'shall' | 'should';
  /** Q/KXY: the object (apiserver, kubelet, ...) and parameter or file the requirement is about. */
  object?: string;
  target?: string;
  /** Check ids that decide it; empty means manual. */
  checks: string[];
  remediation?: Text;
  /** How a person verifies it (manual requirements, or Annex A check method). */
  procedure?: Text;
  /** The conformance review: the source's check method, defaults, version scope and any deviation. */
  review?: RequirementReview;
}

export interface RequirementReview {
  /** The source's own check method (Annex A, the CIS audit, the guidance), in our words. */
  method: Text;
  /** What the product takes when the setting is absent. */
  default?: Text;
  /** Kubernetes minors the requirement applies to: `from` inclusive, `below` exclusive. */
  scope?: { from?: string; below?: string; note?: Text };
  /** Where the product reads the requirement differently from its source, and why. */
  deviation?: Text;
}

export interface Section {
  id: string;
  title: Text;
}

/** Which results make the headline score, as the standard defines it; `none` where it defines no score. */
export interface Scoring {
  headline: 'none' | { assessment?: 'automated' | 'manual'; strength?: 'shall' | 'should' };
  method: Text;
}

export interface Framework {
  id: string;
  version: string;
  title: Text;
  publisher?: string;
  scoring?: Scoring;
  /** The benchmark this is one version of (`cis-kubernetes`): `--framework cis-kubernetes` picks a version by cluster. */
  benchmark?: string;
  /** Inclusive minor-version range of Kubernetes this version is written for. */
  kubernetesVersions?: { min: string; max: string };
  /** Provider profiles the framework is written for (`aks`); absent: every provider. */
  providers?: string[];
  sections: Section[];
  requirements: Requirement[];
  /** Named exception scenarios a waiver may cite (Q/KXY Annex B); `appliesTo` lists the requirement ids each can excuse. */
  exceptionScenarios?: { id: string; title: Text; appliesTo?: string[] }[];
}

/** A published result that cannot be observed from outside, valid for a version range. */
export interface AttestationSource {
  id: string;
  title: Text;
  url?: string;
  /** Inclusive minor-version range of Kubernetes the source covers, e.g. 1.29 to 1.32. */
  versions: { min: string; max: string };
}

/** How a profile remaps one check (or one framework requirement). */
export interface ProfileMapping {
  mapping: Mapping;
  responsibility: Responsibility;
  reason?: Text;
  /**
   * environment-dependent / equivalent-control: the check that decides it here, and the facts it reads.
   * Without `check`, the requirement's own checks decide it from the named facts.
   */
  decidedBy?: { check?: string; facts: string[] };
  /** The provider's published result for this item, if any. */
  published?: { source: string; result: 'pass' | 'fail' };
  /** Facts of this cluster that defeat the published result when seen (enableRbac false → the RBAC rows fail). */
  contradictedBy?: Contradiction[];
  /** What the customer does on this provider, in place of the framework's generic (kubeadm) remediation. */
  remediation?: Text;
}

/** One observable fact that contradicts a published result: `azure:<path>` of the managed cluster, `configz:<path>` of any node. */
export interface Contradiction {
  fact: string;
  equals: boolean | number | string;
  result: 'pass' | 'fail';
  reason: Text;
}

export interface ProviderProfile {
  id: string;
  /** The built-in profile this one overlays (user profiles: `extends: kubeadm`), already merged in when loaded. */
  extends?: string;
  title: Text;
  description?: Text;
  parameters: { paths: Record<string, string>; systemNamespaces: string[]; systemNamespacesReason?: Text };
  attestations: Record<string, AttestationSource>;
  defaults: { mapping: Mapping; responsibility: Responsibility };
  /** Remediation of the rows the provider answers for that name none: no customer action exists (the report adds what the provider publishes). */
  providerRemediation?: Text;
  checks: Record<string, Partial<ProfileMapping>>;
  /** framework id → requirement id → override. */
  requirements: Record<string, Record<string, Partial<ProfileMapping>>>;
}
