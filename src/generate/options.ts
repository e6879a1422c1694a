// Generator options: cluster size, provider profile and seed, with the defaults derived from the size.

export type GenerateProfile = 'aks' | 'kubeadm';

export interface GenerateOptions {
  nodes: number;
  pods: number;
  namespaces: number;
  /** Roles, RoleBindings, ClusterRoles and ClusterRoleBindings together (the built-in ones included). */
  rbac: number;
  seed: string;
  profile: GenerateProfile;
  out: string;
  /** Nodes whose kubelet configz is written; all of them unless sampled. */
  configz: number;
  clusterName: string;
}

export type GenerateInput = Partial<GenerateOptions> & Pick<GenerateOptions, 'nodes' | 'pods' | 'out'>;

/** Fills in what was not given: about 60 pods per namespace and 10 RBAC objects per namespace. */
export function resolveOptions(input: GenerateInput): GenerateOptions {
  const nodes = positive(input.nodes, 'nodes');
  const pods = positive(input.pods, 'pods');
  const namespaces = Math.max(6, input.namespaces ?? Math.ceil(pods / 60));
  const profile = input.profile ?? 'aks';
  return {
    nodes,
    pods,
    namespaces,
    rbac: Math.max(120, input.rbac ?? namespaces * 10),
    seed: input.seed ?? '1',
    profile,
    out: input.out,
    configz: Math.min(nodes, input.configz ?? nodes),
    clusterName:
      input.clusterName ?? (profile === 'aks' ? `aks-synthetic-${nodes}n` : `kubeadm-synthetic-${nodes}n`),
  };
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer (got ${value})`);
  return value;
}
