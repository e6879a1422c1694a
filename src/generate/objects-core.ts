// Namespaces, nodes, service accounts, secrets (metadata only), services, quotas, limits, network policies, webhooks.
import type { JsonObject } from '../model/facts.js';
import type { ClusterPlan } from './plan.js';
import { Prng } from './prng.js';
import { daysAgo } from './time.js';

export function* namespaces(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/namespaces`);
  for (const ns of plan.namespaces) {
    const labels: Record<string, string> = { 'kubernetes.io/metadata.name': ns.name };
    if (ns.team && !ns.system) labels.team = ns.team;
    // Pod Security Admission labels on a minority of namespaces, as seen in practice.
    if (!ns.system && rng.chance(0.25))
      labels['pod-security.kubernetes.io/enforce'] = rng.pick(['baseline', 'restricted']);
    yield {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns.name,
        uid: rng.uuid(),
        resourceVersion: String(rng.range(1000, 999999)),
        creationTimestamp: daysAgo(ns.system ? 400 : rng.range(5, 400)),
        labels,
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
  }
}

export function* nodes(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/nodes`);
  const aks = plan.options.profile === 'aks';
  for (const node of plan.nodes) {
    const labels: Record<string, string> = {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/hostname': node.name,
      'node.kubernetes.io/instance-type': aks ? 'Standard_D8ds_v5' : 'bare-metal',
      'topology.kubernetes.io/zone': aks ? `chinaeast2-${rng.range(1, 3)}` : 'rack-a',
    };
    if (aks)
      Object.assign(labels, {
        agentpool: node.pool,
        'kubernetes.azure.com/agentpool': node.pool,
        'kubernetes.azure.com/mode': node.pool === 'system' ? 'system' : 'user',
        'kubernetes.azure.com/os-sku': 'Ubuntu',
      });
    if (node.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
    yield {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: node.name,
        uid: rng.uuid(),
        resourceVersion: String(rng.range(1_000_000, 99_999_999)),
        creationTimestamp: daysAgo(rng.range(1, 120)),
        labels,
        annotations: {
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: {
        podCIDR: `10.244.${rng.int(256)}.0/24`,
        ...(aks
          ? {
              providerID: `azure:///subscriptions/8f3c2a1e-5b6d-4e7f-9a0b-1c2d3e4f5a6b/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachineScaleSets/${node.name.replace(/\d{6}$/, '')}/virtualMachines/${rng.int(1000)}`,
            }
          : {}),
        ...(node.controlPlane
          ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] }
          : {}),
      },
      status: {
        addresses: [
          { type: 'InternalIP', address: node.ip },
          { type: 'Hostname', address: node.name },
        ],
        allocatable: { cpu: '7820m', 'ephemeral-storage': '119703055367', memory: '28600000Ki', pods: '110' },
        capacity: { cpu: '8', 'ephemeral-storage': '129886128Ki', memory: '32863000Ki', pods: '110' },
        conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
          type,
          status: type === 'Ready' ? 'True' : 'False',
          lastHeartbeatTime: daysAgo(0.001),
          lastTransitionTime: daysAgo(20),
          reason: type === 'Ready' ? 'KubeletReady' : `KubeletHasNo${type}`,
          message: '',
        })),
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          architecture: 'amd64',
          bootID: rng.uuid(),
          containerRuntimeVersion: 'containerd://1.7.22-1',
          kernelVersion: '5.15.0-1073-azure',
          kubeProxyVersion: 'v1.30.6',
          kubeletVersion: 'v1.30.6',
          machineID: rng.text(32, '0123456789abcdef'),
          operatingSystem: 'linux',
          osImage: 'Ubuntu 22.04.5 LTS',
          systemUUID: rng.uuid(),
        },
      },
    };
  }
}

/** One `default` per namespace, plus one per workload that does not use `default`. */
export function* serviceAccounts(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/serviceaccounts`);
  const sa = (namespace: string, name: string): JsonObject => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace, uid: rng.uuid(), creationTimestamp: daysAgo(rng.range(1, 400)) },
  });
  for (const ns of plan.namespaces) yield sa(ns.name, 'default');
  const seen = new Set<string>();
  for (const w of plan.workloads) {
    const key = `${w.namespace}/${w.serviceAccount}`;
    if (w.serviceAccount === 'default' || seen.has(key)) continue;
    seen.add(key);
    const account = sa(w.namespace, w.serviceAccount);
    if (rng.chance(0.1)) account.automountServiceAccountToken = false;
    yield account;
  }
}

/** Secrets as `collect` stores them: metadata only, never data. */
export function* secrets(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/secrets`);
  const secret = (namespace: string, name: string, type: string): JsonObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, uid: rng.uuid(), creationTimestamp: daysAgo(rng.range(1, 400)) },
    type,
  });
  for (const ns of plan.namespaces) {
    if (ns.system) continue;
    yield secret(ns.name, 'acr-pull', 'kubernetes.io/dockerconfigjson');
    if (rng.chance(0.6)) yield secret(ns.name, `${ns.name}-tls`, 'kubernetes.io/tls');
  }
  for (const w of plan.workloads) {
    if (w.offences.secretInEnv)
      yield secret(w.namespace, `${w.name.split('-').slice(1).join('-') || 'app'}-db`, 'Opaque');
    if (w.kind === 'Deployment' && rng.chance(0.1))
      yield secret(w.namespace, `sh.helm.release.v1.${w.name}.v${rng.range(1, 30)}`, 'helm.sh/release.v1');
  }
}

export function* services(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/services`);
  yield {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      uid: rng.uuid(),
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.0.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      type: 'ClusterIP',
    },
  };
  for (const w of plan.workloads) {
    if (w.kind === 'Job' || w.kind === 'CronJob' || w.kind === 'DaemonSet') continue;
    const headless = w.kind === 'StatefulSet';
    const external = !headless && rng.chance(0.03);
    yield {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: w.name,
        namespace: w.namespace,
        uid: rng.uuid(),
        creationTimestamp: daysAgo(w.createdDaysAgo),
        labels: { app: w.name },
      },
      spec: {
        clusterIP: headless ? 'None' : `10.0.${rng.int(256)}.${rng.range(2, 254)}`,
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
        selector: w.preset ? { 'k8s-app': w.name } : { app: w.name },
        type: external ? 'LoadBalancer' : 'ClusterIP',
        sessionAffinity: 'None',
      },
      ...(external
        ? { status: { loadBalancer: { ingress: [{ ip: `52.130.${rng.int(256)}.${rng.int(256)}` }] } } }
        : {}),
    };
  }
}

export function* networkPolicies(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/networkpolicies`);
  for (const ns of plan.namespaces) {
    const deny: JsonObject = { podSelector: {}, policyTypes: ['Ingress'] };
    const policies: { name: string; spec: JsonObject }[] = [
      { name: 'default-deny-ingress', spec: deny },
      {
        name: 'allow-same-namespace',
        spec: { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }], policyTypes: ['Ingress'] },
      },
      {
        name: 'allow-ingress-controller',
        spec: {
          podSelector: {},
          ingress: [
            {
              from: [
                { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
              ],
            },
          ],
          policyTypes: ['Ingress'],
        },
      },
    ].slice(0, ns.networkPolicies);
    for (const p of policies)
      yield {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: {
          name: p.name,
          namespace: ns.name,
          uid: rng.uuid(),
          generation: 1,
          creationTimestamp: daysAgo(rng.range(1, 300)),
        },
        spec: p.spec,
      };
  }
}

export function* resourceQuotas(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/resourcequotas`);
  for (const ns of plan.namespaces) {
    if (!ns.quota) continue;
    const hard = {
      'limits.cpu': '64',
      'limits.memory': '128Gi',
      pods: '200',
      'requests.cpu': '32',
      'requests.memory': '64Gi',
    };
    yield {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'team-quota', namespace: ns.name, uid: rng.uuid() },
      spec: { hard },
      status: { hard, used: { pods: String(rng.range(1, 60)) } },
    };
  }
}

export function* limitRanges(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/limitranges`);
  for (const ns of plan.namespaces) {
    if (!ns.quota || rng.chance(0.3)) continue;
    yield {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'defaults', namespace: ns.name, uid: rng.uuid() },
      spec: {
        limits: [
          {
            type: 'Container',
            default: { cpu: '500m', memory: '512Mi' },
            defaultRequest: { cpu: '100m', memory: '128Mi' },
          },
        ],
      },
    };
  }
}

export function* webhooks(
  plan: ClusterPlan,
  kind: 'ValidatingWebhookConfiguration' | 'MutatingWebhookConfiguration',
): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/${kind}`);
  const names =
    kind === 'ValidatingWebhookConfiguration'
      ? [
          'cert-manager-webhook',
          ...(plan.options.profile === 'aks' ? ['gatekeeper-validating-webhook-configuration'] : []),
        ]
      : ['cert-manager-webhook'];
  for (const name of names) {
    const [namespace, service] = name.startsWith('gatekeeper')
      ? ['gatekeeper-system', 'gatekeeper-webhook-service']
      : ['cert-manager', 'cert-manager-webhook'];
    yield {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind,
      metadata: { name, uid: rng.uuid(), generation: 1 },
      webhooks: [
        {
          name: `${service}.${namespace}.svc`,
          admissionReviewVersions: ['v1'],
          clientConfig: { service: { name: service, namespace, path: '/validate', port: 443 } },
          failurePolicy: rng.pick(['Fail', 'Ignore']),
          sideEffects: 'None',
          timeoutSeconds: 10,
          rules: [
            {
              apiGroups: ['*'],
              apiVersions: ['*'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['*'],
              scope: '*',
            },
          ],
        },
      ],
    };
  }
}

export function* customResourceDefinitions(plan: ClusterPlan): Generator<JsonObject> {
  const rng = new Prng(`${plan.options.seed}/crds`);
  for (const [group, plural, kind] of [
    ['cert-manager.io', 'certificates', 'Certificate'],
    ['cert-manager.io', 'issuers', 'Issuer'],
    ['cert-manager.io', 'clusterissuers', 'ClusterIssuer'],
    ['monitoring.coreos.com', 'servicemonitors', 'ServiceMonitor'],
  ] as const) {
    yield {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.${group}`, uid: rng.uuid(), generation: 1 },
      spec: {
        group,
        names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() },
        scope: kind.startsWith('Cluster') ? 'Cluster' : 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          },
        ],
      },
    };
  }
}
