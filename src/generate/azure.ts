// The AKS managed cluster as the ARM REST API returns it (wire casing, `properties`), and its diagnostic settings.
import type { JsonObject } from '../model/facts.js';
import type { ClusterPlan } from './plan.js';

const SUB = '8f3c2a1e-5b6d-4e7f-9a0b-1c2d3e4f5a6b';

export function managedCluster(plan: ClusterPlan): JsonObject {
  const name = plan.options.clusterName;
  const id = `/subscriptions/${SUB}/resourcegroups/rg-${name}/providers/Microsoft.ContainerService/managedClusters/${name}`;
  const pools = new Map<string, number>();
  for (const node of plan.nodes) pools.set(node.pool, (pools.get(node.pool) ?? 0) + 1);
  return {
    id,
    location: 'chinaeast2',
    name,
    type: 'Microsoft.ContainerService/ManagedClusters',
    sku: { name: 'Base', tier: 'Standard' },
    identity: {
      type: 'SystemAssigned',
      principalId: '5e7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    },
    properties: {
      provisioningState: 'Succeeded',
      powerState: { code: 'Running' },
      kubernetesVersion: '1.30.6',
      currentKubernetesVersion: '1.30.6',
      dnsPrefix: name,
      fqdn: `${name}-dns-4f2a8b3c.hcp.chinaeast2.cx.prod.service.azk8s.cn`,
      enableRBAC: true,
      disableLocalAccounts: false,
      aadProfile: {
        managed: true,
        enableAzureRBAC: true,
        adminGroupObjectIDs: ['3b1f4c2a-9d8e-4f7a-b6c5-0e1d2c3b4a59'],
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      },
      agentPoolProfiles: [...pools].map(([pool, count]) => ({
        name: pool,
        count,
        vmSize: 'Standard_D8ds_v5',
        osDiskSizeGB: 128,
        osDiskType: 'Ephemeral',
        kubeletDiskType: 'OS',
        maxPods: 110,
        type: 'VirtualMachineScaleSets',
        availabilityZones: ['1', '2', '3'],
        enableAutoScaling: false,
        enableNodePublicIP: false,
        enableEncryptionAtHost: pool === 'system',
        enableFIPS: false,
        mode: pool === 'system' ? 'System' : 'User',
        orchestratorVersion: '1.30.6',
        osType: 'Linux',
        osSKU: 'Ubuntu',
        nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.04.0',
      })),
      addonProfiles: {
        azurepolicy: { enabled: true, config: { version: 'v2' } },
        azureKeyvaultSecretsProvider: {
          enabled: true,
          config: { enableSecretRotation: 'true', rotationPollInterval: '2m' },
        },
        omsagent: {
          enabled: true,
          config: {
            logAnalyticsWorkspaceResourceID: `/subscriptions/${SUB}/resourceGroups/rg-observability/providers/Microsoft.OperationalInsights/workspaces/law-${name}`,
          },
        },
      },
      networkProfile: {
        networkPlugin: 'azure',
        networkPolicy: 'calico',
        loadBalancerSku: 'standard',
        serviceCidr: '10.0.0.0/16',
        dnsServiceIP: '10.0.0.10',
        outboundType: 'loadBalancer',
      },
      apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['203.0.113.0/24'] },
      oidcIssuerProfile: { enabled: true, issuerURL: `https://chinaeast2.oic.prod-aks.azure.cn/${SUB}/` },
      securityProfile: {
        defender: { securityMonitoring: { enabled: true } },
        workloadIdentity: { enabled: true },
      },
      nodeResourceGroup: `MC_rg-${name}_${name}_chinaeast2`,
      maxAgentPools: 100,
    },
  };
}

export function diagnosticSettings(plan: ClusterPlan): JsonObject {
  const name = plan.options.clusterName;
  const categories = [
    'kube-apiserver',
    'kube-audit',
    'kube-audit-admin',
    'kube-controller-manager',
    'kube-scheduler',
    'cluster-autoscaler',
    'guard',
  ];
  return {
    value: [
      {
        id: `/subscriptions/${SUB}/resourcegroups/rg-${name}/providers/Microsoft.ContainerService/managedClusters/${name}/providers/microsoft.insights/diagnosticSettings/aks-to-law`,
        name: 'aks-to-law',
        type: 'Microsoft.Insights/diagnosticSettings',
        properties: {
          workspaceId: `/subscriptions/${SUB}/resourceGroups/rg-observability/providers/Microsoft.OperationalInsights/workspaces/law-${name}`,
          logs: categories.map((category) => ({ category, enabled: category !== 'kube-audit' })),
          metrics: [{ category: 'AllMetrics', enabled: true }],
        },
      },
    ],
  };
}
