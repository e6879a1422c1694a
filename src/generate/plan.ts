// The cluster plan: nodes, namespaces and workloads (with their offences), small enough to hold in memory.
import type { GenerateOptions } from './options.js';
import { KUBE_ALPHABET, Prng } from './prng.js';
import { PEOPLE, SERVICES, STAGES, STATEFUL, TEAMS } from './names.js';
import { systemWorkloads } from './system-workloads.js';

export interface NodePlan {
  name: string;
  pool: string;
  controlPlane: boolean;
  ip: string;
}

export interface NamespacePlan {
  name: string;
  /** Owned by the platform or provider (kube-system and friends): the AKS profile leaves them out. */
  system: boolean;
  team?: string;
  /** 0 means no NetworkPolicy at all in the namespace. */
  networkPolicies: number;
  quota: boolean;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** What a workload does wrong; each flag maps to one or more checks. */
export interface Offences {
  privileged: boolean;
  hostPath: boolean;
  hostNetwork: boolean;
  hostPID: boolean;
  latestImage: boolean;
  noLimits: boolean;
  addedCapabilities: boolean;
  secretInEnv: boolean;
}

export interface WorkloadPlan {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  /** Pods it owns now; a DaemonSet has one per node. */
  replicas: number;
  uid: string;
  /** pod-template-hash of the current ReplicaSet; old ones are kept at zero replicas. */
  hash: string;
  oldHashes: string[];
  /** Built-in component (kube-proxy, coredns, ...) or undefined for an application. */
  preset?: string;
  serviceAccount: string;
  offences: Offences;
  /** Seed of the workload's own PRNG, so its template is rebuilt identically for every file. */
  seed: string;
  stateful?: (typeof STATEFUL)[number];
  createdDaysAgo: number;
}

export interface ClusterPlan {
  options: GenerateOptions;
  nodes: NodePlan[];
  namespaces: NamespacePlan[];
  workloads: WorkloadPlan[];
  /** Cluster admins and teams' people, for RBAC subjects. */
  people: string[];
  /** Share of pods outside system namespaces that run privileged or mount a hostPath, as planned. */
  offendingShare: number;
}

export const NO_OFFENCES: Offences = {
  privileged: false,
  hostPath: false,
  hostNetwork: false,
  hostPID: false,
  latestImage: false,
  noLimits: false,
  addedCapabilities: false,
  secretInEnv: false,
};

/** Target share of pods outside system namespaces that are privileged or mount a hostPath. */
const PRIVILEGED_OR_HOSTPATH = 0.075;

export function planCluster(options: GenerateOptions): ClusterPlan {
  const rng = new Prng(`${options.seed}/plan`);
  const nodes = planNodes(options, rng);
  const namespaces = planNamespaces(options, rng);
  const workloads: WorkloadPlan[] = [];
  const newUid = () => rng.uuid();
  const hash = () => rng.text(10, KUBE_ALPHABET);

  for (const preset of systemWorkloads(options.profile)) {
    workloads.push({
      kind: preset.kind,
      namespace: preset.namespace,
      name: preset.name,
      replicas: preset.kind === 'DaemonSet' ? nodes.length : preset.replicas,
      uid: newUid(),
      hash: hash(),
      oldHashes: preset.kind === 'Deployment' ? [hash()] : [],
      preset: preset.name,
      serviceAccount: preset.serviceAccount,
      offences: { ...NO_OFFENCES, ...preset.offences },
      seed: `${options.seed}/${preset.namespace}/${preset.name}`,
      createdDaysAgo: 400,
    });
  }
  const systemNames = new Set(namespaces.filter((ns) => ns.system).map((ns) => ns.name));
  const fixedPods = workloads.reduce((sum, w) => sum + w.replicas, 0) + staticPodCount(options, nodes);
  let remaining = Math.max(0, options.pods - fixedPods);

  // Quota over pods outside system namespaces: count what the platform already brings, then top up.
  let seen = 0;
  let offending = 0;
  for (const w of workloads) {
    if (systemNames.has(w.namespace)) continue;
    seen += w.replicas;
    if (w.offences.privileged || w.offences.hostPath) offending += w.replicas;
  }

  const appNamespaces = namespaces.filter((ns) => !ns.system);
  const usedNames = new Map<string, Set<string>>();
  let turn = 0;
  while (remaining > 0) {
    // Every application namespace gets a workload first; after that they are picked at random.
    const ns = turn < appNamespaces.length ? appNamespaces[turn]! : rng.pick(appNamespaces);
    turn++;
    const roll = rng.next();
    const kind: WorkloadKind =
      roll < 0.86 ? 'Deployment' : roll < 0.92 ? 'StatefulSet' : roll < 0.96 ? 'CronJob' : 'Job';
    const stateful = kind === 'StatefulSet' ? rng.pick(STATEFUL) : undefined;
    const replicas = Math.min(
      remaining,
      kind === 'StatefulSet' ? rng.pick([1, 3, 3, 5]) : kind === 'Deployment' ? deploymentReplicas(rng) : 1,
    );
    remaining -= replicas;
    const team = ns.team ?? 'apps';
    const base = stateful
      ? `${team}-${stateful.name}`
      : kind === 'Deployment'
        ? `${team}-${rng.pick(SERVICES)}`
        : `${team}-${rng.pick(['report', 'cleanup', 'sync', 'backup', 'export', 'migrate'])}`;
    const name = uniqueName(usedNames, ns.name, base);

    const offences: Offences = {
      ...NO_OFFENCES,
      hostNetwork: rng.chance(0.004),
      hostPID: rng.chance(0.002),
      latestImage: rng.chance(0.05),
      noLimits: rng.chance(0.22),
      addedCapabilities: rng.chance(0.02),
      secretInEnv: rng.chance(0.3),
    };
    // Deterministic quota: mark this workload when the share so far would stay under the target.
    if (offending + replicas / 2 < PRIVILEGED_OR_HOSTPATH * (seen + replicas)) {
      if (rng.chance(0.55)) offences.privileged = true;
      else offences.hostPath = true;
      offending += replicas;
    }
    seen += replicas;
    workloads.push({
      kind,
      namespace: ns.name,
      name,
      replicas,
      uid: newUid(),
      hash: hash(),
      oldHashes: kind === 'Deployment' ? Array.from({ length: rng.pick([0, 1, 1, 2]) }, hash) : [],
      serviceAccount: rng.chance(0.35) ? 'default' : name,
      offences,
      seed: `${options.seed}/${ns.name}/${name}`,
      stateful,
      createdDaysAgo: rng.range(1, 700),
    });
  }

  const people = Array.from({ length: Math.max(20, Math.ceil(options.namespaces / 4)) }, (_, i) =>
    i < PEOPLE.length ? PEOPLE[i]! : `${PEOPLE[i % PEOPLE.length]}${Math.floor(i / PEOPLE.length)}`,
  );
  return { options, nodes, namespaces, workloads, people, offendingShare: seen > 0 ? offending / seen : 0 };
}

/** Mirror pods of the kubeadm control plane: four per control-plane node. */
export function staticPodCount(options: GenerateOptions, nodes: readonly NodePlan[]): number {
  return options.profile === 'kubeadm' ? nodes.filter((n) => n.controlPlane).length * 4 : 0;
}

function deploymentReplicas(rng: Prng): number {
  const r = rng.next();
  if (r < 0.25) return 1;
  if (r < 0.5) return 2;
  if (r < 0.75) return 3;
  if (r < 0.9) return rng.range(4, 6);
  return rng.range(8, 20);
}

function uniqueName(used: Map<string, Set<string>>, namespace: string, base: string): string {
  let names = used.get(namespace);
  if (!names) used.set(namespace, (names = new Set()));
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  names.add(name);
  return name;
}

function planNodes(options: GenerateOptions, rng: Prng): NodePlan[] {
  const nodes: NodePlan[] = [];
  const ip = (i: number) => `10.${224 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${(i % 256) + 4}`;
  if (options.profile === 'kubeadm') {
    const cp = Math.min(3, Math.max(1, Math.floor(options.nodes / 10)));
    for (let i = 0; i < options.nodes; i++) {
      const controlPlane = i < cp;
      const name = controlPlane ? `k8s-cp-${i + 1}` : `k8s-worker-${String(i - cp + 1).padStart(4, '0')}`;
      nodes.push({ name, pool: controlPlane ? 'control-plane' : 'worker', controlPlane, ip: ip(i) });
    }
    return nodes;
  }
  // AKS: a system pool of 3 (or 5 % of the nodes), the rest spread over user pools of at most 1,000.
  const system = Math.min(
    options.nodes,
    Math.max(1, Math.min(3, options.nodes), Math.floor(options.nodes * 0.05)),
  );
  const pools: { name: string; count: number }[] = [{ name: 'system', count: system }];
  const userPools = ['apps', 'general', 'compute', 'memory', 'batch', 'spot'];
  for (let left = options.nodes - system, p = 0; left > 0; p++) {
    const count = Math.min(left, 1000);
    pools.push({
      name:
        userPools[p % userPools.length]! +
        (p >= userPools.length ? String(Math.floor(p / userPools.length) + 1) : ''),
      count,
    });
    left -= count;
  }
  let i = 0;
  for (const pool of pools) {
    const vmss = String(rng.range(10000000, 99999999));
    for (let k = 0; k < pool.count; k++, i++) {
      nodes.push({
        name: `aks-${pool.name}-${vmss}-vmss${k.toString(36).padStart(6, '0')}`,
        pool: pool.name,
        controlPlane: false,
        ip: ip(i),
      });
    }
  }
  return nodes;
}

/** Namespaces of the platform, then `team-stage` ones for applications, up to the requested count. */
function planNamespaces(options: GenerateOptions, rng: Prng): NamespacePlan[] {
  const system = [
    'kube-system',
    'kube-public',
    'kube-node-lease',
    ...(options.profile === 'aks' ? ['gatekeeper-system'] : []),
  ];
  const platform = ['monitoring', 'ingress-nginx', 'cert-manager'];
  const list: NamespacePlan[] = [
    ...system.map((name) => ({ name, system: true, networkPolicies: 0, quota: false })),
    ...platform.map((name) => ({
      name,
      system: false,
      team: name.split('-')[0],
      networkPolicies: 1,
      quota: false,
    })),
    { name: 'default', system: false, team: 'legacy', networkPolicies: 0, quota: false },
  ];
  const wanted = Math.max(list.length + 2, options.namespaces);
  for (let i = 0; list.length < wanted; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const stage = STAGES[Math.floor(i / TEAMS.length) % STAGES.length]!;
    const round = Math.floor(i / (TEAMS.length * STAGES.length));
    // About a third of application namespaces have no NetworkPolicy at all.
    list.push({
      name: round === 0 ? `${team}-${stage}` : `${team}-${stage}-${round + 1}`,
      system: false,
      team,
      networkPolicies: rng.chance(0.33) ? 0 : rng.range(1, 3),
      quota: rng.chance(0.5),
    });
  }
  return list;
}
