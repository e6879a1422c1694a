// The JSON types Kubernetes and ARM define for the fields the checks read; a value of another type is a gap, never a pass.
import type { JsonValue } from '../model/facts.js';
import { POD_TEMPLATE_PATHS } from './kinds.js';

/** A JSON type, an object with known fields, an array of one shape, or a map whose values share one shape. */
export type Shape =
  | 'boolean'
  | 'number'
  | 'string'
  | 'object'
  | 'array'
  | { fields: Record<string, Shape> }
  | { each: Shape }
  | { values: Shape };

/** One field whose value has the wrong JSON type. */
export interface Mistype {
  path: string;
  expected: string;
  found: string;
}

const STRINGS: Shape = { each: 'string' };
const SECCOMP: Shape = { fields: { type: 'string', localhostProfile: 'string' } };

const CONTAINER_SECURITY: Shape = {
  fields: {
    privileged: 'boolean',
    allowPrivilegeEscalation: 'boolean',
    readOnlyRootFilesystem: 'boolean',
    runAsNonRoot: 'boolean',
    runAsUser: 'number',
    runAsGroup: 'number',
    procMount: 'string',
    capabilities: { fields: { add: STRINGS, drop: STRINGS } },
    seccompProfile: SECCOMP,
    appArmorProfile: { fields: { type: 'string' } },
  },
};

const CONTAINER: Shape = {
  fields: {
    name: 'string',
    image: 'string',
    securityContext: CONTAINER_SECURITY,
    ports: { each: { fields: { hostPort: 'number', containerPort: 'number', protocol: 'string' } } },
    env: { each: { fields: { name: 'string', valueFrom: 'object' } } },
    envFrom: { each: 'object' },
    volumeMounts: { each: { fields: { name: 'string', mountPath: 'string', readOnly: 'boolean' } } },
    resources: { fields: { limits: 'object', requests: 'object' } },
    command: STRINGS,
    args: STRINGS,
  },
};

const POD_SPEC: Shape = {
  fields: {
    hostPID: 'boolean',
    hostIPC: 'boolean',
    hostNetwork: 'boolean',
    automountServiceAccountToken: 'boolean',
    serviceAccountName: 'string',
    nodeName: 'string',
    containers: { each: CONTAINER },
    initContainers: { each: CONTAINER },
    ephemeralContainers: { each: CONTAINER },
    securityContext: {
      fields: {
        runAsNonRoot: 'boolean',
        runAsUser: 'number',
        runAsGroup: 'number',
        seccompProfile: SECCOMP,
        sysctls: { each: { fields: { name: 'string', value: 'string' } } },
      },
    },
    volumes: {
      each: {
        fields: {
          name: 'string',
          hostPath: { fields: { path: 'string', type: 'string' } },
          secret: 'object',
        },
      },
    },
  },
};

const METADATA: Shape = {
  fields: {
    name: 'string',
    namespace: 'string',
    uid: 'string',
    labels: { values: 'string' },
    annotations: { values: 'string' },
  },
};

const RULES: Shape = {
  each: {
    fields: {
      apiGroups: STRINGS,
      resources: STRINGS,
      verbs: STRINGS,
      resourceNames: STRINGS,
      nonResourceURLs: STRINGS,
    },
  },
};

const ROLE: Shape = {
  fields: {
    metadata: METADATA,
    rules: RULES,
    aggregationRule: { fields: { clusterRoleSelectors: { each: 'object' } } },
  },
};

const BINDING: Shape = {
  fields: {
    metadata: METADATA,
    subjects: {
      each: { fields: { kind: 'string', name: 'string', namespace: 'string', apiGroup: 'string' } },
    },
    roleRef: { fields: { kind: 'string', name: 'string', apiGroup: 'string' } },
  },
};

function withPodTemplate(path: readonly string[]): Shape {
  // Builds { fields: { spec: { fields: { template: ... POD_SPEC } } } } along the template path.
  let shape: Shape = POD_SPEC;
  for (const part of [...path].reverse()) shape = { fields: { [part]: shape } };
  const top = shape as { fields: Record<string, Shape> };
  return { fields: { ...top.fields, metadata: METADATA } };
}

/** Per kind, the shape of what the checks read; kinds not listed are checked for metadata only. */
export const KIND_SHAPES: Record<string, Shape> = {
  Pod: { fields: { metadata: METADATA, spec: POD_SPEC } },
  ...Object.fromEntries(
    Object.entries(POD_TEMPLATE_PATHS).map(([kind, path]) => [kind, withPodTemplate(path)]),
  ),
  Role: ROLE,
  ClusterRole: ROLE,
  RoleBinding: BINDING,
  ClusterRoleBinding: BINDING,
  ServiceAccount: { fields: { metadata: METADATA, automountServiceAccountToken: 'boolean' } },
  Service: {
    fields: {
      metadata: METADATA,
      spec: {
        fields: { type: 'string', ports: { each: { fields: { nodePort: 'number', port: 'number' } } } },
      },
    },
  },
  NetworkPolicy: {
    fields: { metadata: METADATA, spec: { fields: { podSelector: 'object', policyTypes: STRINGS } } },
  },
};

const DEFAULT_SHAPE: Shape = { fields: { metadata: METADATA } };

/** The kubelet configuration fields the kubelet checks read (configz and node config files alike). */
export const KUBELET_CONFIG_SHAPE: Shape = {
  fields: {
    authentication: {
      fields: {
        anonymous: { fields: { enabled: 'boolean' } },
        webhook: { fields: { enabled: 'boolean' } },
        x509: { fields: { clientCAFile: 'string' } },
      },
    },
    authorization: { fields: { mode: 'string' } },
    readOnlyPort: 'number',
    streamingConnectionIdleTimeout: 'string',
    protectKernelDefaults: 'boolean',
    makeIPTablesUtilChains: 'boolean',
    hostnameOverride: 'string',
    eventRecordQPS: 'number',
    tlsCertFile: 'string',
    tlsPrivateKeyFile: 'string',
    tlsCipherSuites: STRINGS,
    rotateCertificates: 'boolean',
    serverTLSBootstrap: 'boolean',
    featureGates: { values: 'boolean' },
    podPidsLimit: 'number',
    seccompDefault: 'boolean',
  },
};

/** The managed-cluster fields (normalised to the SDK's casing) that the AKS checks read. */
export const MANAGED_CLUSTER_SHAPE: Shape = {
  fields: {
    id: 'string',
    name: 'string',
    kubernetesVersion: 'string',
    currentKubernetesVersion: 'string',
    enableRbac: 'boolean',
    disableLocalAccounts: 'boolean',
    aadProfile: { fields: { managed: 'boolean', enableAzureRbac: 'boolean', adminGroupObjectIDs: STRINGS } },
    apiServerAccessProfile: {
      fields: { enablePrivateCluster: 'boolean', authorizedIPRanges: STRINGS },
    },
    networkProfile: { fields: { networkPolicy: 'string', networkPlugin: 'string' } },
    securityProfile: {
      fields: {
        azureKeyVaultKms: { fields: { enabled: 'boolean' } },
        defender: 'object',
        workloadIdentity: { fields: { enabled: 'boolean' } },
      },
    },
    oidcIssuerProfile: { fields: { enabled: 'boolean' } },
    addonProfiles: { values: { fields: { enabled: 'boolean' } } },
    agentPoolProfiles: { each: { fields: { name: 'string', count: 'number' } } },
  },
};

export function shapeOfKind(kind: string): Shape {
  return KIND_SHAPES[kind] ?? DEFAULT_SHAPE;
}

function typeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Walks `value` along `shape` and collects the fields of the wrong type (at most `limit`). A null or absent field
 * is "not set", which is how Kubernetes prints an omitted optional field, so it is never a mistype.
 */
export function mistypes(value: JsonValue | undefined, shape: Shape, at = '', limit = 5): Mistype[] {
  const found: Mistype[] = [];
  walk(value, shape, at, found, limit);
  return found;
}

function walk(value: JsonValue | undefined, shape: Shape, at: string, out: Mistype[], limit: number): void {
  if (value === undefined || value === null || out.length >= limit) return;
  const miss = (expected: string): void => {
    out.push({ path: at || '(root)', expected, found: typeName(value) });
  };
  if (typeof shape === 'string') {
    if (
      shape === 'object'
        ? !isObject(value)
        : shape === 'array'
          ? !Array.isArray(value)
          : typeof value !== shape
    )
      miss(shape);
    return;
  }
  if ('each' in shape) {
    if (!Array.isArray(value)) return miss('array');
    value.forEach((item, index) => walk(item, shape.each, `${at}[${index}]`, out, limit));
    return;
  }
  if (!isObject(value)) return miss('object');
  if ('values' in shape) {
    for (const key in value) walk(value[key], shape.values, `${at}.${key}`, out, limit);
    return;
  }
  for (const key in shape.fields) walk(value[key], shape.fields[key]!, at ? `${at}.${key}` : key, out, limit);
}
