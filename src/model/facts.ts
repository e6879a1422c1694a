// Facts: everything observed about one cluster, each part with its source, file and time of collection.
export type FactSource = 'azure-arm' | 'kubernetes-api' | 'node' | 'provider' | 'snapshot';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Metadata of a Kubernetes object, as kubectl prints it (only what the checks read is typed). */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
}

/** Any Kubernetes object. The body beyond metadata stays untyped JSON; checks narrow it with helpers. */
export interface KubeObject {
  apiVersion?: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: JsonValue | ObjectMeta | undefined;
}

/** A file as seen on a node: mode as an octal string ("0600"), owner and group by name. */
export interface NodeFile {
  exists: boolean;
  type?: 'file' | 'directory' | 'symlink' | 'other';
  mode?: string;
  owner?: string;
  group?: string;
  uid?: number;
  gid?: number;
  /** Parsed content of small, non-secret configuration files (kubelet config, static pod manifests). */
  content?: JsonValue;
  /** For directories: the files below it that the frameworks care about (e.g. PKI keys). */
  children?: Record<string, NodeFile>;
  /** For certificate files (`*.crt`, `*.pem`): who it names and its fingerprint, so two paths can be told apart. */
  certificate?: CertificateFacts;
}

/** A public certificate as collect-node saw it; the file itself is not copied. */
export interface CertificateFacts {
  /** SHA-256 of the DER encoding, lowercase hex (what `openssl x509 -fingerprint -sha256` prints, without colons). */
  sha256: string;
  subject: string;
  issuer: string;
  /** ISO 8601. */
  notAfter: string;
}

/** Facts from one node: files the frameworks name and command lines of control-plane and node processes. */
export interface NodeFacts {
  node: string;
  collectedAt: string;
  roles?: string[];
  files: Record<string, NodeFile>;
  /** Component name (kube-apiserver, kubelet, ...) to its argv, as read from /proc/PID/cmdline. */
  processes: Record<string, { pid?: number; argv: string[] }>;
}

/** One Azure diagnostic setting on the managed cluster resource. */
export interface DiagnosticSetting {
  name: string;
  /** ARM id of the setting: `<resource id>/providers/microsoft.insights/diagnosticSettings/<name>`. */
  id?: string;
  workspaceId?: string;
  storageAccountId?: string;
  eventHubAuthorizationRuleId?: string;
  logs: { category?: string; categoryGroup?: string; enabled: boolean }[];
}

/** Something that could not be collected: a 403 on a kind, a missing cluster, a timeout. */
export interface FactGap {
  /** Fact part key, e.g. `kubernetes:Secret`, `azure:managedCluster`, `node:aks-node-1`. */
  part: string;
  reason: string;
  /** The reason in Chinese, where the tool wrote it (a server's own message has none). */
  reasonZh?: string;
  code?: number;
  /**
   * The kind was listed in these namespaces only, because the cluster-wide list was refused: enough for
   * facts that live there (kube-system's static pods), never for checks that need every namespace.
   */
  namespaces?: string[];
}

/** Where and when a fact part came from; used to fill the evidence of each result. */
export interface FactOrigin {
  source: FactSource;
  file?: string;
  time: string;
}

export interface ClusterIdentity {
  name: string;
  provider?: string;
  location?: string;
  resourceId?: string;
  kubernetesVersion?: string;
}

export interface Facts {
  cluster: ClusterIdentity;
  collectedAt: string;
  azure: {
    /** The managed cluster, normalised to the Azure SDK's casing with `properties` flattened. */
    managedCluster?: JsonObject;
    diagnosticSettings?: DiagnosticSetting[];
  };
  kubernetes: {
    version?: { major: string; minor: string; gitVersion: string };
    /** Objects by kind, de-duplicated by namespace and name. */
    objects: Map<string, KubeObject[]>;
    /** Kinds known to have been collected, even when the list was empty. */
    collectedKinds: Set<string>;
    /** Kubelet configuration per node, from the configz endpoint. */
    configz: Map<string, JsonObject>;
  };
  nodes: Map<string, NodeFacts>;
  gaps: FactGap[];
  /** Part key to origin: `azure:managedCluster`, `kubernetes:Pod`, `node:NAME`, `kubernetes:configz:NODE`. */
  origins: Map<string, FactOrigin>;
}

export function emptyFacts(clusterName: string, collectedAt: string): Facts {
  return {
    cluster: { name: clusterName },
    collectedAt,
    azure: {},
    kubernetes: { objects: new Map(), collectedKinds: new Set(), configz: new Map() },
    nodes: new Map(),
    gaps: [],
    origins: new Map(),
  };
}
