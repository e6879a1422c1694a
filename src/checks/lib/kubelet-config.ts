// Resolves each node's effective kubelet settings, as the kubelet does: configz, else flags over config file over defaults.
import type { Check, CheckExample, CheckParameters, Evidence } from '../../model/check.js';
import { t, type Text } from '../../model/text.js';
import { fail, manual, pass } from './outcome.js';
import type { Facts, JsonObject, JsonValue, NodeFacts } from '../../model/facts.js';
import {
  featureGates,
  flagValue,
  hasFlag,
  parseFlags,
  parseGoBool,
  parseGoDuration,
  type ParsedFlags,
} from './flags.js';
import { dig } from './workloads.js';

export type KubeletValueSource = 'configz' | 'flag' | 'config-file' | 'default' | 'unknown';

/** One kubelet setting: where it lives in KubeletConfiguration, its flag, and both kinds of default. */
export interface KubeletSettingSpec {
  /** Field path in KubeletConfiguration (v1beta1); absent for flag-only settings (hostname-override). */
  field?: string;
  /** The command-line flag that overrides the field. */
  flag?: string;
  kind: 'bool' | 'number' | 'string' | 'list' | 'map';
  /** Default when the kubelet runs from a config file (KubeletConfiguration v1beta1 defaulting). */
  configDefault: JsonValue;
  /** Default when the kubelet runs without `--config` (the flag defaults). */
  flagDefault: JsonValue;
  /** v1beta1 defaulting replaces a zero value in the file (durations such as "0s") with the default. */
  zeroIsDefault?: boolean;
}

/** The settings the CIS kubelet checks read. Defaults per the v1beta1 types and the kubelet's flag help. */
export const KUBELET_SETTINGS = {
  anonymousAuth: {
    field: 'authentication.anonymous.enabled',
    flag: 'anonymous-auth',
    kind: 'bool',
    configDefault: false,
    flagDefault: true,
  },
  authorizationMode: {
    field: 'authorization.mode',
    flag: 'authorization-mode',
    kind: 'string',
    configDefault: 'Webhook',
    flagDefault: 'AlwaysAllow',
  },
  clientCAFile: {
    field: 'authentication.x509.clientCAFile',
    flag: 'client-ca-file',
    kind: 'string',
    configDefault: '',
    flagDefault: '',
  },
  readOnlyPort: {
    field: 'readOnlyPort',
    flag: 'read-only-port',
    kind: 'number',
    configDefault: 0,
    flagDefault: 10255,
  },
  streamingConnectionIdleTimeout: {
    field: 'streamingConnectionIdleTimeout',
    flag: 'streaming-connection-idle-timeout',
    kind: 'string',
    configDefault: '4h0m0s',
    flagDefault: '4h0m0s',
    zeroIsDefault: true,
  },
  makeIPTablesUtilChains: {
    field: 'makeIPTablesUtilChains',
    flag: 'make-iptables-util-chains',
    kind: 'bool',
    configDefault: true,
    flagDefault: true,
  },
  hostnameOverride: { flag: 'hostname-override', kind: 'string', configDefault: '', flagDefault: '' },
  eventRecordQPS: {
    field: 'eventRecordQPS',
    flag: 'event-qps',
    kind: 'number',
    configDefault: 50,
    flagDefault: 50,
  },
  tlsCertFile: {
    field: 'tlsCertFile',
    flag: 'tls-cert-file',
    kind: 'string',
    configDefault: '',
    flagDefault: '',
  },
  tlsPrivateKeyFile: {
    field: 'tlsPrivateKeyFile',
    flag: 'tls-private-key-file',
    kind: 'string',
    configDefault: '',
    flagDefault: '',
  },
  serverTLSBootstrap: {
    field: 'serverTLSBootstrap',
    flag: 'rotate-server-certificates',
    kind: 'bool',
    configDefault: false,
    flagDefault: false,
  },
  rotateCertificates: {
    field: 'rotateCertificates',
    flag: 'rotate-certificates',
    kind: 'bool',
    configDefault: false,
    flagDefault: false,
  },
  tlsCipherSuites: {
    field: 'tlsCipherSuites',
    flag: 'tls-cipher-suites',
    kind: 'list',
    configDefault: [],
    flagDefault: [],
  },
  podPidsLimit: {
    field: 'podPidsLimit',
    flag: 'pod-max-pids',
    kind: 'number',
    configDefault: -1,
    flagDefault: -1,
  },
  protectKernelDefaults: {
    field: 'protectKernelDefaults',
    flag: 'protect-kernel-defaults',
    kind: 'bool',
    configDefault: false,
    flagDefault: false,
  },
  featureGates: {
    field: 'featureGates',
    flag: 'feature-gates',
    kind: 'map',
    configDefault: {},
    flagDefault: {},
  },
  allowedUnsafeSysctls: {
    field: 'allowedUnsafeSysctls',
    flag: 'allowed-unsafe-sysctls',
    kind: 'list',
    configDefault: [],
    flagDefault: [],
  },
} satisfies Record<string, KubeletSettingSpec>;

export type KubeletSettingName = keyof typeof KUBELET_SETTINGS;

/** A resolved value and where it came from; `value` undefined when the facts cannot tell. */
export interface KubeletSetting {
  name: string;
  value: JsonValue | undefined;
  source: KubeletValueSource;
  /** Human-readable place for the evidence, e.g. `/var/lib/kubelet/config.yaml readOnlyPort`. */
  location: string;
  /** Why the value is unknown, when it is. */
  unknownBecause?: string;
}

/** Everything observed about one node's kubelet. */
export interface KubeletNode {
  node: string;
  /** The kubelet command line, when node facts recorded it. */
  flags?: ParsedFlags;
  /** The config file the kubelet reads (`--config`, or the profile's kubeletConfig path). */
  configPath?: string;
  /** Parsed content of that file, when node facts carry it. */
  config?: JsonObject;
  /** The node's /configz answer: the effective KubeletConfiguration. */
  configz?: JsonObject;
  facts?: NodeFacts;
}

const ZERO: Record<KubeletSettingSpec['kind'], JsonValue> = {
  bool: false,
  number: 0,
  string: '',
  list: [],
  map: {},
};

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every node with kubelet facts: a recorded kubelet process or config file, or a configz answer. */
export function kubeletNodes(facts: Facts, params: CheckParameters): KubeletNode[] {
  const names = new Set<string>([...facts.kubernetes.configz.keys()]);
  for (const node of facts.nodes.values()) {
    const configFile = params.paths.kubeletConfig ? node.files[params.paths.kubeletConfig] : undefined;
    if (node.processes.kubelet || configFile?.content !== undefined) names.add(node.node);
  }
  return [...names].sort().map((name) => describeNode(facts, params, name));
}

function describeNode(facts: Facts, params: CheckParameters, name: string): KubeletNode {
  const nodeFacts = facts.nodes.get(name);
  const result: KubeletNode = { node: name, configz: facts.kubernetes.configz.get(name), facts: nodeFacts };
  if (!nodeFacts) return result;
  const proc = nodeFacts.processes.kubelet;
  if (proc) {
    result.flags = parseFlags(proc.argv.slice(1));
    result.configPath = flagValue(result.flags, 'config');
  } else {
    // No command line recorded: assume the kubelet reads the profile's config file path.
    result.configPath = params.paths.kubeletConfig;
  }
  const content = result.configPath ? nodeFacts.files[result.configPath]?.content : undefined;
  if (isObject(content)) result.config = content;
  return result;
}

function fromFlag(spec: KubeletSettingSpec, flags: ParsedFlags): JsonValue | undefined {
  if (!spec.flag || !hasFlag(flags, spec.flag)) return undefined;
  const raw = flagValue(flags, spec.flag)!;
  switch (spec.kind) {
    case 'bool':
      return parseGoBool(raw) ?? raw;
    case 'number':
      return Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'map':
      return Object.fromEntries(featureGates(flags));
    default:
      return raw;
  }
}

/**
 * The effective value of one setting on one node. configz wins (it is the kubelet's own merged view);
 * otherwise a flag on the command line overrides the config file, which overrides the defaults, as the
 * kubelet applies them. Feature gates merge gate by gate (flag entries over file entries).
 */
export function resolveSetting(node: KubeletNode, name: string, spec: KubeletSettingSpec): KubeletSetting {
  if (node.configz && spec.field) {
    // configz omits zero values (omitempty), so an absent field is the zero of its type.
    const value = dig(node.configz, spec.field.split('.'));
    return {
      name,
      value: value ?? ZERO[spec.kind],
      source: 'configz',
      location: `configz ${node.node} ${spec.field}`,
    };
  }
  const unknown = (because: string): KubeletSetting => ({
    name,
    value: undefined,
    source: 'unknown',
    location: `node ${node.node} kubelet ${spec.field ?? `--${spec.flag}`}`,
    unknownBecause: because,
  });
  const flagged = node.flags ? fromFlag(spec, node.flags) : undefined;
  const fileValue = node.config && spec.field ? dig(node.config, spec.field.split('.')) : undefined;
  if (spec.kind === 'map' && (flagged !== undefined || fileValue !== undefined)) {
    const merged = { ...(isObject(fileValue) ? fileValue : {}), ...(isObject(flagged) ? flagged : {}) };
    const source = flagged !== undefined ? 'flag' : 'config-file';
    return {
      name,
      value: merged,
      source,
      location: `node ${node.node} kubelet ${source === 'flag' ? `--${spec.flag}` : `${node.configPath} ${spec.field}`}`,
    };
  }
  if (flagged !== undefined)
    return { name, value: flagged, source: 'flag', location: `node ${node.node} kubelet --${spec.flag}` };
  if (!node.flags && !node.config)
    return unknown('no kubelet command line, config file or configz was collected');
  if (node.configPath) {
    if (!spec.field) {
      // A flag-only setting absent from a known command line takes its default even with a config file.
      if (node.flags)
        return {
          name,
          value: spec.flagDefault,
          source: 'default',
          location: `node ${node.node} kubelet --${spec.flag} (absent)`,
        };
      return unknown(`--${spec.flag} can only be seen on the kubelet command line, which was not collected`);
    }
    if (!node.config) return unknown(`the content of ${node.configPath} was not collected`);
    const zero = spec.zeroIsDefault && typeof fileValue === 'string' && parseGoDuration(fileValue) === 0;
    if (fileValue !== undefined && !zero)
      return {
        name,
        value: fileValue,
        source: 'config-file',
        location: `node ${node.node} ${node.configPath} ${spec.field}`,
      };
    const why = zero
      ? `${String(fileValue)}: zero, so the KubeletConfiguration default`
      : 'absent: KubeletConfiguration default';
    return {
      name,
      value: spec.configDefault,
      source: 'default',
      location: `node ${node.node} ${node.configPath} ${spec.field} (${why})`,
    };
  }
  return {
    name,
    value: spec.flagDefault,
    source: 'default',
    location: `node ${node.node} kubelet --${spec.flag} (absent, no --config: flag default)`,
  };
}

/** All the named settings of a node. */
export function resolveSettings<K extends KubeletSettingName>(
  node: KubeletNode,
  names: readonly K[],
): Record<K, KubeletSetting> {
  return Object.fromEntries(names.map((n) => [n, resolveSetting(node, n, KUBELET_SETTINGS[n])])) as Record<
    K,
    KubeletSetting
  >;
}

/** A feature gate's effective value on a node, with the gate's default when nothing names it. */
export function kubeletFeatureGate(node: KubeletNode, gate: string, defaultValue: boolean): KubeletSetting {
  const gates = resolveSetting(node, 'featureGates', KUBELET_SETTINGS.featureGates);
  if (gates.value === undefined) return { ...gates, name: `featureGates.${gate}` };
  const value = isObject(gates.value) ? gates.value[gate] : undefined;
  if (typeof value === 'boolean')
    return { ...gates, name: `featureGates.${gate}`, value, location: `${gates.location} ${gate}` };
  return {
    ...gates,
    name: `featureGates.${gate}`,
    value: defaultValue,
    source: 'default',
    location: `${gates.location} ${gate} (absent: gate default)`,
  };
}

/** Evidence for one resolved setting, naming where its value came from. */
export function settingEvidence(
  facts: Facts,
  node: KubeletNode,
  setting: KubeletSetting,
  expected: string,
): Evidence {
  const fromConfigz = setting.source === 'configz';
  const origin = facts.origins.get(fromConfigz ? `kubernetes:configz:${node.node}` : `node:${node.node}`);
  return {
    source: origin?.source ?? (fromConfigz ? 'kubernetes-api' : 'node'),
    path: `${setting.location} [${setting.source}]`,
    observed: setting.value ?? null,
    expected,
    time: (!fromConfigz && node.facts?.collectedAt) || origin?.time || facts.collectedAt,
    file: origin?.file,
  };
}

export interface KubeletCheckSpec<K extends KubeletSettingName> {
  id: string;
  title: Text;
  /** Human-readable expectation for the evidence. */
  expected: string;
  /** The settings the check reads; an unknown one makes that node's result manual. */
  settings: readonly K[];
  /** A feature gate read besides the settings, with its default. */
  gate?: { name: string; defaultValue: boolean };
  /**
   * Decides one node; undefined when the values cannot decide (a person must). `sources` says where each
   * value came from, for rules whose audit treats an absent setting differently from its default
   * ("not set to false" passes when the setting is absent).
   */
  test: (
    values: Record<K, JsonValue>,
    gate: boolean | undefined,
    sources: Record<K, KubeletValueSource>,
  ) => boolean | undefined;
  remediation: Text;
  examples: CheckExample[];
}

/** Factory for kubelet checks: each node's effective settings decide; every node must pass. */
export function defineKubeletCheck<K extends KubeletSettingName>(spec: KubeletCheckSpec<K>): Check {
  return {
    id: spec.id,
    title: spec.title,
    component: 'kubelet',
    needs: ['node:processes', 'node:files', 'kubernetes:configz'],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts, params }) {
      const nodes = kubeletNodes(facts, params);
      if (nodes.length === 0) {
        return manual(
          t(
            '快照中既没有 kubelet 的节点事实，也没有 configz',
            'The snapshot holds neither kubelet node facts nor configz',
          ),
        );
      }
      const evidence: Evidence[] = [];
      const failed: string[] = [];
      const unknown: string[] = [];
      const undecided: string[] = [];
      for (const node of nodes) {
        const settings: KubeletSetting[] = Object.values(resolveSettings(node, spec.settings));
        if (spec.gate) settings.push(kubeletFeatureGate(node, spec.gate.name, spec.gate.defaultValue));
        for (const setting of settings) evidence.push(settingEvidence(facts, node, setting, spec.expected));
        const missing = settings.find((s) => s.value === undefined);
        if (missing) {
          unknown.push(`${node.node}: ${missing.unknownBecause ?? missing.name}`);
          continue;
        }
        const values = Object.fromEntries(settings.map((s) => [s.name, s.value!])) as Record<K, JsonValue>;
        const gate = spec.gate ? settings[settings.length - 1]!.value === true : undefined;
        const sources = Object.fromEntries(settings.map((s) => [s.name, s.source])) as Record<
          K,
          KubeletValueSource
        >;
        const ok = spec.test(values, gate, sources);
        if (ok === false) failed.push(node.node);
        if (ok === undefined) undecided.push(node.node);
      }
      if (failed.length > 0) {
        return fail(
          t(
            `kubelet 设置不符合要求（${spec.expected}）的节点：${failed.join('、')}`,
            `The kubelet does not meet the requirement (${spec.expected}) on: ${failed.join(', ')}`,
          ),
          evidence,
        );
      }
      if (unknown.length > 0) {
        return manual(
          t(
            `无法确定部分节点的 kubelet 设置：${unknown.join('；')}`,
            `The kubelet settings of some nodes cannot be determined: ${unknown.join('; ')}`,
          ),
          evidence,
        );
      }
      if (undecided.length > 0) {
        return manual(
          t(
            `需要人工判断以下节点的 kubelet 设置是否恰当：${undecided.join('、')}`,
            `Whether the kubelet setting is appropriate needs a person on: ${undecided.join(', ')}`,
          ),
          evidence,
        );
      }
      return pass(
        t(
          `所有节点的 kubelet 均符合要求（${spec.expected}）`,
          `The kubelet meets the requirement (${spec.expected}) on every node`,
        ),
        evidence,
      );
    },
  };
}
